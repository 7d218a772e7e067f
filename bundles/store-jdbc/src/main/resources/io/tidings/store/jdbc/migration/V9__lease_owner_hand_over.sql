-- Tidings schema, version 9: which node holds a claimed row, and whether it was handed to a channel.
-- A node that restarts queues its own claimed rows again at once instead of waiting for their
-- leases; only a row that reached a channel is flagged as a possible duplicate when it is retried.
ALTER TABLE tidings_communication ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE tidings_communication ADD COLUMN handed_over BOOLEAN DEFAULT FALSE NOT NULL;

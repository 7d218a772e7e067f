-- Tidings schema, version 15: a rule's own frequency cap (at most max messages to one contact per period),
-- and the index that counts what a contact was sent lately.
ALTER TABLE tidings_rule ADD COLUMN frequency_cap_max INTEGER;
ALTER TABLE tidings_rule ADD COLUMN frequency_cap_per VARCHAR(64);
CREATE INDEX tidings_communication_recipient_sent ON tidings_communication (recipient, sent_at);

-- Tidings schema, version 23: the host's contact id (contact_information.id) on each communication, so
-- a contact's record and feed do not split when an address changes; the feed reads sent messages by
-- contact and by entity in the order they were sent.
ALTER TABLE tidings_communication ADD COLUMN contact_id VARCHAR(200);
CREATE INDEX tidings_communication_contact ON tidings_communication (contact_id, sent_at);
CREATE INDEX tidings_communication_entity_sent ON tidings_communication (entity_type, entity_id, sent_at);

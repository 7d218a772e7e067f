-- Tidings schema, version 4: a rule's preferred channel (null: route by priority alone)
ALTER TABLE tidings_rule ADD COLUMN channel VARCHAR(200);

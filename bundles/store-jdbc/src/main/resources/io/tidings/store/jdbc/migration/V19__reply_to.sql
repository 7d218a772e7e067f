-- Tidings schema, version 19: the address replies go to (Reply-To), per template and per rule (the rule's wins).
ALTER TABLE tidings_template ADD COLUMN reply_to VARCHAR(320);
ALTER TABLE tidings_rule ADD COLUMN reply_to VARCHAR(320);

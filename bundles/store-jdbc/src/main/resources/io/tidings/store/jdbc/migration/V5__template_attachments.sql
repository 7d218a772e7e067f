-- Tidings schema, version 5: the attachments and inline images of an email template (JSON)
ALTER TABLE tidings_template ADD COLUMN attachments VARCHAR(100000);

-- Tidings schema, version 26: who saved each template version (its time is created_at), shown in the version history.
ALTER TABLE tidings_template ADD COLUMN saved_by VARCHAR(200);

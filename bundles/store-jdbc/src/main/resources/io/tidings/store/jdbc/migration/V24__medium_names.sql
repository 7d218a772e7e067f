-- Tidings schema, version 24: a medium is any name a channel declares (PUSH, WHATSAPP_BUSINESS), up to 32 characters.
ALTER TABLE tidings_communication ALTER COLUMN medium SET DATA TYPE VARCHAR(32);
ALTER TABLE tidings_template ALTER COLUMN medium SET DATA TYPE VARCHAR(32);

-- Tidings schema, version 2: reminders on communications, rule scheduling fields, locations, opt-outs.

-- a reminder is keyed by rule, entity type and entity id; expires_at is its appointment: a reminder
-- still unsent then is suppressed instead of sent late
ALTER TABLE tidings_communication ADD COLUMN reminder_key VARCHAR(600);
ALTER TABLE tidings_communication ADD COLUMN expires_at BIGINT;
CREATE INDEX tidings_communication_reminder ON tidings_communication (reminder_key, status);
CREATE INDEX tidings_communication_expires ON tidings_communication (status, expires_at);

ALTER TABLE tidings_rule ADD COLUMN reminder_field VARCHAR(200);
ALTER TABLE tidings_rule ADD COLUMN reminder_before VARCHAR(64);
ALTER TABLE tidings_rule ADD COLUMN reminder_days_before INTEGER;
ALTER TABLE tidings_rule ADD COLUMN reminder_at VARCHAR(16);
ALTER TABLE tidings_rule ADD COLUMN working_hours_only BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tidings_rule ADD COLUMN quiet_from VARCHAR(16);
ALTER TABLE tidings_rule ADD COLUMN quiet_to VARCHAR(16);
ALTER TABLE tidings_rule ADD COLUMN outcome VARCHAR(200);
ALTER TABLE tidings_rule ADD COLUMN contact_attempt INTEGER;

CREATE TABLE tidings_location (
    location_key   VARCHAR(200)   NOT NULL PRIMARY KEY,
    name           VARCHAR(500),
    time_zone      VARCHAR(100)   NOT NULL,
    country        VARCHAR(2),
    working_hours  VARCHAR(20000) NOT NULL,
    updated_at     BIGINT         NOT NULL
);

-- an address that opted out of a purpose through Tidings; outranks the host's consent flags
CREATE TABLE tidings_opt_out (
    address        VARCHAR(320)   NOT NULL,
    purpose        VARCHAR(16)    NOT NULL,
    opted_out_at   BIGINT         NOT NULL,
    PRIMARY KEY (address, purpose)
);

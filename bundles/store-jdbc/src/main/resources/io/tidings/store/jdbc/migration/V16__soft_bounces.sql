-- Tidings schema, version 16: soft bounces of an address within the window that counts them (older
-- ones are dropped as new ones come); enough of them suppress the address.
CREATE TABLE tidings_soft_bounce (
    address         VARCHAR(320)   NOT NULL,
    bounced_at      BIGINT         NOT NULL
);
CREATE INDEX tidings_soft_bounce_address ON tidings_soft_bounce (address, bounced_at);

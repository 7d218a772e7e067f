-- Tidings schema, version 7: messages handed to an external channel, until the external system acknowledges them
CREATE TABLE tidings_outbox (
    communication_id  VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel           VARCHAR(200)  NOT NULL,
    message           VARCHAR(1048576) NOT NULL,
    created_at        BIGINT        NOT NULL,
    claimed_until     BIGINT
);
CREATE INDEX tidings_outbox_channel ON tidings_outbox (channel, created_at);

-- Tidings schema, version 17: webhooks to the host and the durable queue of their deliveries.

-- a host endpoint; the secret signs deliveries and is never shown; events is a comma-separated list
CREATE TABLE tidings_webhook (
    webhook_key   VARCHAR(100)   NOT NULL PRIMARY KEY,
    url           VARCHAR(2000)  NOT NULL,
    secret        VARCHAR(500)   NOT NULL,
    events        VARCHAR(200)   NOT NULL,
    updated_at    BIGINT         NOT NULL
);

-- one event to one webhook: the body is written once, so every attempt posts the same bytes under the
-- same id; next_attempt_at is also the lease of the node that claimed it (claimed_by)
CREATE TABLE tidings_webhook_delivery (
    id               VARCHAR(36)       NOT NULL PRIMARY KEY,
    webhook_key      VARCHAR(100)      NOT NULL,
    event            VARCHAR(40)       NOT NULL,
    body             VARCHAR(1048576)  NOT NULL,
    status           VARCHAR(16)       NOT NULL,
    attempts         INTEGER           NOT NULL,
    last_error       VARCHAR(1000),
    created_at       BIGINT            NOT NULL,
    queued_at        BIGINT            NOT NULL,
    next_attempt_at  BIGINT,
    delivered_at     BIGINT,
    claimed_by       VARCHAR(200)
);
CREATE INDEX tidings_webhook_delivery_due ON tidings_webhook_delivery (status, next_attempt_at);
CREATE INDEX tidings_webhook_delivery_newest ON tidings_webhook_delivery (webhook_key, created_at);

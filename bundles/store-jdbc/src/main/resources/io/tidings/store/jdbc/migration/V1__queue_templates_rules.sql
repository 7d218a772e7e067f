-- Tidings schema, version 1: events, the communication queue, templates with versions, rules.
-- Portable between H2 2.x and PostgreSQL: instants are epoch milliseconds, JSON is text.

CREATE TABLE tidings_event (
    id            VARCHAR(200)  NOT NULL PRIMARY KEY,
    event_type    VARCHAR(200)  NOT NULL,
    occurred_at   VARCHAR(64)   NOT NULL,
    location      VARCHAR(200),
    entity_type   VARCHAR(200)  NOT NULL,
    entity_id     VARCHAR(200)  NOT NULL,
    data          VARCHAR(1048576) NOT NULL,
    received_at   BIGINT        NOT NULL
);

CREATE TABLE tidings_communication (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_id            VARCHAR(200)  NOT NULL,
    entity_type         VARCHAR(200)  NOT NULL,
    entity_id           VARCHAR(200)  NOT NULL,
    rule_key            VARCHAR(200),
    template_key        VARCHAR(200),
    template_version    INTEGER,
    medium              VARCHAR(16)   NOT NULL,
    channel             VARCHAR(200),
    recipient           VARCHAR(320),
    language            VARCHAR(35),
    status              VARCHAR(16)   NOT NULL,
    status_reason       VARCHAR(4000),
    attempts            INTEGER       NOT NULL DEFAULT 0,
    not_before          BIGINT        NOT NULL,
    due_at              BIGINT,
    lease_until         BIGINT,
    created_at          BIGINT        NOT NULL,
    updated_at          BIGINT        NOT NULL,
    sent_at             BIGINT,
    provider_message_id VARCHAR(500),
    subject             VARCHAR(4000),
    body                VARCHAR(1048576)
);

-- the claim: a range scan over due rows only (due_at is NULL for everything not claimable)
CREATE INDEX tidings_communication_due ON tidings_communication (due_at);
CREATE INDEX tidings_communication_event ON tidings_communication (event_id);
CREATE INDEX tidings_communication_entity ON tidings_communication (entity_type, entity_id, created_at);
CREATE INDEX tidings_communication_recipient ON tidings_communication (recipient, created_at);
CREATE INDEX tidings_communication_status ON tidings_communication (status, created_at);
CREATE INDEX tidings_communication_created ON tidings_communication (created_at);
CREATE INDEX tidings_communication_provider ON tidings_communication (channel, provider_message_id);

CREATE TABLE tidings_template (
    template_key      VARCHAR(200)  NOT NULL,
    version           INTEGER       NOT NULL,
    name              VARCHAR(500)  NOT NULL,
    medium            VARCHAR(16)   NOT NULL,
    default_language  VARCHAR(35)   NOT NULL,
    contents          VARCHAR(1048576) NOT NULL,
    deleted           BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        BIGINT        NOT NULL,
    PRIMARY KEY (template_key, version)
);

CREATE TABLE tidings_rule (
    rule_key        VARCHAR(200)  NOT NULL PRIMARY KEY,
    name            VARCHAR(500),
    trigger_event   VARCHAR(200)  NOT NULL,
    to_status       VARCHAR(200),
    locations       VARCHAR(20000) NOT NULL,
    condition_expr  VARCHAR(4000),
    templates       VARCHAR(20000) NOT NULL,
    recipients      VARCHAR(20000) NOT NULL,
    purpose         VARCHAR(16)   NOT NULL,
    delay_iso       VARCHAR(64),
    enabled         BOOLEAN       NOT NULL,
    updated_at      BIGINT        NOT NULL
);

-- Tidings schema, version 22: the communication log. Communications Tidings does not send (logged by a
-- person or a host: kind 'manual') and those received from contacts (kind 'received'), the links
-- between communications, the administrator's categories, and the follow-ups due on any communication.
CREATE TABLE tidings_communication_log (
    id            VARCHAR(200)    NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)     NOT NULL,
    medium        VARCHAR(32)     NOT NULL,
    direction     VARCHAR(8)      NOT NULL,
    state         VARCHAR(16)     NOT NULL,
    contact       VARCHAR(100000),
    contact_id    VARCHAR(200),
    address       VARCHAR(320),
    entity_type   VARCHAR(200),
    entity_id     VARCHAR(200),
    category      VARCHAR(64),
    subject       VARCHAR(1000),
    notes         VARCHAR(100000),
    occurred_at   BIGINT,
    follow_up_of  VARCHAR(200),
    owner         VARCHAR(200),
    channel       VARCHAR(200),
    sent_as       VARCHAR(200),
    created_at    BIGINT          NOT NULL,
    updated_at    BIGINT          NOT NULL
);
-- the feed by contact and by entity reads these in time order
CREATE INDEX tidings_communication_log_contact ON tidings_communication_log (contact_id, occurred_at);
CREATE INDEX tidings_communication_log_entity ON tidings_communication_log (entity_type, entity_id, occurred_at);

CREATE TABLE tidings_communication_related (
    communication_id  VARCHAR(200)  NOT NULL,
    related_id        VARCHAR(200)  NOT NULL,
    PRIMARY KEY (communication_id, related_id)
);

CREATE TABLE tidings_communication_category (
    category_key  VARCHAR(64)   NOT NULL PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL
);

-- one follow-up per communication (sent or logged); open while completed_at is null
CREATE TABLE tidings_follow_up (
    communication_id  VARCHAR(200)   NOT NULL PRIMARY KEY,
    due_at            BIGINT         NOT NULL,
    owner             VARCHAR(200),
    note              VARCHAR(4000),
    created_at        BIGINT         NOT NULL,
    completed_at      BIGINT,
    completed_as      VARCHAR(200)
);
CREATE INDEX tidings_follow_up_due ON tidings_follow_up (completed_at, due_at);

-- Tidings schema, version 3: consent choices made through dynamic links, the links followed, and
-- settings shared by every node of a cluster (the key that signs links).

-- AFFILIATE_MARKETING does not fit the first purpose columns
ALTER TABLE tidings_rule ALTER COLUMN purpose SET DATA TYPE VARCHAR(32);
ALTER TABLE tidings_opt_out ALTER COLUMN purpose SET DATA TYPE VARCHAR(32);

-- an address that opted in to a purpose through Tidings; grants that purpose's consent
CREATE TABLE tidings_opt_in (
    address        VARCHAR(320)   NOT NULL,
    purpose        VARCHAR(32)    NOT NULL,
    opted_in_at    BIGINT         NOT NULL,
    PRIMARY KEY (address, purpose)
);

-- a dynamic link followed by its recipient: recorded once per message and action
CREATE TABLE tidings_link_response (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    action            VARCHAR(64)   NOT NULL,
    address           VARCHAR(320)  NOT NULL,
    communication_id  VARCHAR(36)   NOT NULL,
    entity_type       VARCHAR(200),
    entity_id         VARCHAR(200),
    responded_at      BIGINT        NOT NULL,
    CONSTRAINT tidings_link_response_once UNIQUE (communication_id, action)
);
CREATE INDEX tidings_link_response_entity ON tidings_link_response (entity_type, entity_id, responded_at);

CREATE TABLE tidings_setting (
    name    VARCHAR(200)   NOT NULL PRIMARY KEY,
    setting_value   VARCHAR(4000)  NOT NULL
);

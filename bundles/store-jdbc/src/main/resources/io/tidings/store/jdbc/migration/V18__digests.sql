-- Tidings schema, version 18: digests. A rule's digest window; per contact (rule, recipient, template)
-- the communication of its open digest (one row per key, so two nodes never open two windows at once);
-- and the events a digest gathers, which leave it when their entity is cancelled.
ALTER TABLE tidings_rule ADD COLUMN digest_window VARCHAR(64);

CREATE TABLE tidings_digest (
    digest_key        VARCHAR(1000) NOT NULL PRIMARY KEY,
    communication_id  VARCHAR(36)   NOT NULL,
    opened_at         BIGINT        NOT NULL
);

CREATE TABLE tidings_digest_item (
    communication_id  VARCHAR(36)   NOT NULL,
    event_id          VARCHAR(200)  NOT NULL,
    entity_type       VARCHAR(200)  NOT NULL,
    entity_id         VARCHAR(200)  NOT NULL,
    added_at          BIGINT        NOT NULL,
    item_no           INTEGER       NOT NULL,
    PRIMARY KEY (communication_id, event_id)
);
CREATE INDEX tidings_digest_item_entity ON tidings_digest_item (entity_type, entity_id);

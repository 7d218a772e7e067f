-- Tidings schema, version 6: tracked opens and clicks of emails
CREATE TABLE tidings_engagement (
    communication_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    first_opened_at    BIGINT,
    opens              INTEGER      NOT NULL DEFAULT 0,
    first_clicked_at   BIGINT,
    clicks             INTEGER      NOT NULL DEFAULT 0
);

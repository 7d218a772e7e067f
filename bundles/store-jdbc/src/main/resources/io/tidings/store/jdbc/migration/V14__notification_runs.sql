-- Tidings schema, version 14: notification runs, and the events each holds (its communications are
-- those of its events).
CREATE TABLE tidings_run (
    run_key       VARCHAR(200)  NOT NULL PRIMARY KEY,
    name          VARCHAR(500)  NOT NULL,
    purpose       VARCHAR(32),
    send_at       BIGINT,
    created_at    BIGINT        NOT NULL,
    created_by    VARCHAR(200),
    closed_at     BIGINT,
    cancelled_at  BIGINT
);
CREATE INDEX tidings_run_created ON tidings_run (created_at);

CREATE TABLE tidings_run_event (
    run_key   VARCHAR(200)  NOT NULL,
    event_id  VARCHAR(200)  NOT NULL,
    PRIMARY KEY (run_key, event_id)
);

-- Tidings schema, version 13: the suppression list (hard bounces, complaints, an administrator's entries).

-- an address no message goes to (scope ALL) or no marketing goes to (scope MARKETING); email
-- addresses in lower case, phone numbers in E.164; kept when a contact is erased, as opt-outs are
CREATE TABLE tidings_suppression (
    address         VARCHAR(320)   NOT NULL PRIMARY KEY,
    scope           VARCHAR(16)    NOT NULL,
    reason          VARCHAR(1000)  NOT NULL,
    suppressed_at   BIGINT         NOT NULL
);
CREATE INDEX tidings_suppression_newest ON tidings_suppression (suppressed_at);

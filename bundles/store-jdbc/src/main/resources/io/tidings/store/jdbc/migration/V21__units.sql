-- Tidings schema, version 21: organisational units (a tree: head office → region → shop), and the unit
-- templates, rules, locations and communications belong to (null: none, the head office's).
CREATE TABLE tidings_unit (
    unit_key    VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    parent_key  VARCHAR(64),
    updated_at  BIGINT        NOT NULL
);
CREATE INDEX tidings_unit_parent ON tidings_unit (parent_key);
ALTER TABLE tidings_template ADD COLUMN unit VARCHAR(64);
ALTER TABLE tidings_rule ADD COLUMN unit VARCHAR(64);
ALTER TABLE tidings_location ADD COLUMN unit VARCHAR(64);
ALTER TABLE tidings_communication ADD COLUMN unit VARCHAR(64);
-- a unit-limited caller lists the communications of its units, newest first
CREATE INDEX tidings_communication_unit ON tidings_communication (unit, created_at);

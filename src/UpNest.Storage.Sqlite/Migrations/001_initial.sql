-- Records are kept as JSON documents; the columns beside them are the keys and the fields
-- the query patterns filter or order on.
CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    email       TEXT UNIQUE,
    data        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    deleted_at  TEXT
);

CREATE TABLE sessions (
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    family_id   TEXT NOT NULL,
    data        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (user_id, family_id)
);

CREATE TABLE idempotency (
    user_id     TEXT NOT NULL,
    key         TEXT NOT NULL,
    data        TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE keys (
    purpose     TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    material    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (purpose, key_id)
);

CREATE TABLE babies (
    id          TEXT PRIMARY KEY,
    data        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    deleted_at  TEXT
);

CREATE TABLE grants (
    baby_id     TEXT NOT NULL REFERENCES babies(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL,
    role        INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (baby_id, user_id)
);
CREATE INDEX grants_by_user ON grants (user_id, baby_id);

CREATE TABLE measurements (
    baby_id     TEXT NOT NULL REFERENCES babies(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    measured_on TEXT NOT NULL,
    data        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (baby_id, id)
);
CREATE INDEX measurements_by_date ON measurements (baby_id, measured_on, id);

CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    subject     TEXT NOT NULL,
    id          TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    data        TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX audit_by_subject ON audit_events (subject, seq);
CREATE INDEX audit_by_actor ON audit_events (actor_id, seq);
CREATE INDEX audit_by_expiry ON audit_events (expires_at);

CREATE TABLE audit_heads (
    subject     TEXT PRIMARY KEY,
    hash        TEXT NOT NULL
);

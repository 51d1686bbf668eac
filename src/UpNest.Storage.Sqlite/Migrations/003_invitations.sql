-- Invitations live under their baby (and go with it when it is purged). Only the SHA-256 of
-- the code's secret is stored, inside data; used_at is a column so single use is one
-- conditional UPDATE.
CREATE TABLE invitations (
    baby_id     TEXT NOT NULL REFERENCES babies(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    data        TEXT NOT NULL,
    used_at     TEXT,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (baby_id, id)
);

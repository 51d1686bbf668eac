-- Vaccinations: one document per planned or recorded dose (SK DOSE#vaccine#dose on DynamoDB).
-- due_on is set only while the dose is pending: the partial index is the sparse ByDueDate
-- index of the reminder job. sort_on orders the baby's list (due date, else the day given).
CREATE TABLE doses (
    baby_id     TEXT NOT NULL REFERENCES babies(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    sort_on     TEXT NOT NULL,
    due_on      TEXT,
    data        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (baby_id, id)
);
CREATE INDEX doses_by_due_date ON doses (due_on, baby_id, id) WHERE due_on IS NOT NULL;

-- Milestones: what the family recorded per milestone key, and custom milestones.
CREATE TABLE milestones (
    baby_id     TEXT NOT NULL REFERENCES babies(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    data        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    PRIMARY KEY (baby_id, key)
);

-- Reminder outbox: written by the reminder job, read by a delivery channel.
CREATE TABLE reminders (
    id            TEXT PRIMARY KEY,
    baby_id       TEXT NOT NULL REFERENCES babies(id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    delivered_at  TEXT,
    data          TEXT NOT NULL
);
CREATE INDEX reminders_undelivered ON reminders (created_at, id) WHERE delivered_at IS NULL;

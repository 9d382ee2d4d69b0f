-- 疑难问题反映与解答 (shared/questions.ts): a clerk's written question, a manager's answer, and whether
-- it is published as 常见问题. Staff data about the hall's rules, never a citizen's (the server
-- refuses a text with an ID card or mobile number), so the personal-data clean-up leaves it alone.
CREATE TABLE questions (
  id                TEXT PRIMARY KEY,
  hall_id           TEXT NOT NULL REFERENCES halls(id),
  text              TEXT NOT NULL,
  matter_id         TEXT,             -- a matter of the catalogue, or NULL (a general question)
  matter_name       TEXT,             -- its name when asked (a matter may leave the catalogue)
  asker_id          TEXT NOT NULL,    -- users.id of the clerk
  window_no         INTEGER,          -- where the asker was signed in, if anywhere
  asked_at          INTEGER NOT NULL, -- epoch ms
  status            TEXT NOT NULL CHECK (status IN ('open', 'answered', 'withdrawn')),
  answer            TEXT,
  answered_by_id    TEXT,
  answered_by_name  TEXT,
  answered_at       INTEGER,
  edited_at         INTEGER,
  published         INTEGER NOT NULL DEFAULT 0,
  withdrawn_at      INTEGER,
  seen_at           INTEGER           -- when the asker last opened their answers (the panel's badge)
);
CREATE INDEX questions_asker ON questions (hall_id, asker_id, asked_at);
CREATE INDEX questions_status ON questions (hall_id, status, asked_at);
CREATE INDEX questions_published ON questions (hall_id, published, matter_id);

-- 求助: a clerk's call for the duty manager, and what became of it. One row per call; the row is
-- updated as it is answered and settled (each step is also in the audit log, before → after).
CREATE TABLE assist_requests (
  id               TEXT PRIMARY KEY,
  hall_id          TEXT NOT NULL REFERENCES halls(id),
  service_day      TEXT NOT NULL,
  window_no        INTEGER NOT NULL,
  clerk_id         TEXT NOT NULL,      -- users.id of the clerk who asked
  kind             TEXT NOT NULL,      -- question | conduct | equipment | other
  note             TEXT NOT NULL DEFAULT '',
  ticket_number    TEXT,               -- the ticket at the window when asked, if any
  status           TEXT NOT NULL,      -- open | acknowledged | resolved | cancelled
  raised_at        INTEGER NOT NULL,   -- epoch ms
  acknowledged_by  TEXT,
  acknowledged_at  INTEGER,
  closed_by        TEXT,
  closed_at        INTEGER,
  outcome          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assist_requests_day ON assist_requests (hall_id, service_day);
CREATE INDEX assist_requests_active ON assist_requests (hall_id, status) WHERE status IN ('open', 'acknowledged');

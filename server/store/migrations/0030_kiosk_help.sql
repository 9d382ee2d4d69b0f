-- 自助机呼叫工作人员: a citizen at a kiosk calls staff; a guide or manager answers and settles it,
-- or the kiosk withdraws it. One row per call, updated as it moves on (each step is also in the
-- audit log, before → after). Beside assist_requests (0009), not in it: no window, no clerk.
CREATE TABLE kiosk_help_calls (
  id               TEXT PRIMARY KEY,
  hall_id          TEXT NOT NULL REFERENCES halls(id),
  service_day      TEXT NOT NULL,
  kiosk_id         TEXT NOT NULL,      -- the kiosk's device id (设备状态) or an outside kiosk's own id
  kiosk_name       TEXT,               -- what the hall calls it, when it has a name
  kiosk_no         INTEGER,            -- else its place among the hall's kiosks when it asked (自助取号机 N)
  raised_by        TEXT NOT NULL,      -- users.id of the kiosk device account, or 'public'
  status           TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved', 'cancelled')),
  raised_at        INTEGER NOT NULL,   -- epoch ms
  acknowledged_by  TEXT,
  acknowledged_at  INTEGER,
  closed_by        TEXT,               -- users.id of who resolved it, or 'kiosk' (withdrawn)
  closed_at        INTEGER
);
CREATE INDEX kiosk_help_calls_day ON kiosk_help_calls (hall_id, service_day);
-- One live call per kiosk, held by the database too (two presses racing cannot make two).
CREATE UNIQUE INDEX kiosk_help_calls_live ON kiosk_help_calls (hall_id, kiosk_id) WHERE status IN ('open', 'acknowledged');

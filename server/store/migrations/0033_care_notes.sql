-- 关怀提醒: a manager's 已关心 for a clerk who had a hard day (shared/care.ts). One row per mark;
-- the day's list reads the latest per clerk. Staff data (the manager's own record of looking after
-- their people), not citizen data: the personal-data clean-up leaves it alone.
CREATE TABLE care_notes (
  id           INTEGER PRIMARY KEY,
  hall_id      TEXT NOT NULL REFERENCES halls(id),
  service_day  TEXT NOT NULL,
  clerk_id     TEXT NOT NULL,   -- users.id of the clerk looked after
  by_id        TEXT NOT NULL,   -- users.id of the manager
  by_name      TEXT NOT NULL,   -- the manager's name then
  at           INTEGER NOT NULL, -- epoch ms
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_notes_day ON care_notes (hall_id, service_day);

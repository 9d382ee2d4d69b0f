-- 容缺受理 (docs/counter.md): a matter's 容缺受理清单 — the materials that may be handed in later
-- on the citizen's written promise (deferrable_materials: JSON string[], each one of `materials`;
-- '[]': none; not named `deferrable`, an SQL keyword) — and the 容缺台账, one row per matter of a
-- ticket accepted with such materials missing.
ALTER TABLE matters ADD COLUMN deferrable_materials TEXT NOT NULL DEFAULT '[]';

CREATE TABLE deferrals (
  id            TEXT PRIMARY KEY,
  hall_id       TEXT NOT NULL REFERENCES halls(id),
  ticket_id     TEXT NOT NULL,
  ticket_number TEXT NOT NULL,
  matter_id     TEXT NOT NULL,
  matter_name   TEXT NOT NULL,     -- as it was named that day (a matter renamed or removed later)
  missing       TEXT NOT NULL,     -- JSON string[]: the materials promised
  service_day   TEXT NOT NULL,     -- the day it was accepted (YYYY-MM-DD, the hall's zone)
  days          INTEGER NOT NULL,  -- 补齐期限 in calendar days from service_day
  deadline      TEXT NOT NULL,     -- service_day + days
  name          TEXT NOT NULL,     -- '' when not given; masked (张*) by the 个人信息保存期限 clean-up
  phone         TEXT NOT NULL,     -- likewise (138****5678)
  clerk_id      TEXT NOT NULL,     -- who accepted it
  window_no     INTEGER NOT NULL,
  created_at    INTEGER NOT NULL,  -- epoch ms, the hall's clock
  status        TEXT NOT NULL,     -- pending | done | cancelled
  closed_by     TEXT,
  closed_at     INTEGER,
  cancel_reason TEXT
);
-- One 待补齐 record per matter of a ticket: a double press finds the first.
CREATE UNIQUE INDEX deferrals_pending ON deferrals (hall_id, ticket_id, matter_id) WHERE status = 'pending';
-- The 台账, newest first; the clean-up's cut-off.
CREATE INDEX deferrals_created ON deferrals (hall_id, created_at);

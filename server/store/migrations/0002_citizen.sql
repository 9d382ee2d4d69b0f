-- The citizen side (issue 5): appointments booked online and checked in at the kiosk or the
-- guide desk, the 好差评 rating of each served ticket, and the hall's settings for both.

CREATE TABLE citizen_settings (
  hall_id   TEXT PRIMARY KEY REFERENCES halls(id),
  settings  TEXT NOT NULL -- JSON CitizenSettings (shared/citizen.ts)
);

CREATE TABLE appointments (
  id             TEXT PRIMARY KEY,   -- 128 random bits: the booker's secret
  hall_id        TEXT NOT NULL REFERENCES halls(id),
  code           TEXT NOT NULL,      -- 8 digits, typed at the kiosk
  date           TEXT NOT NULL,      -- YYYY-MM-DD in the hall's zone
  slot           TEXT NOT NULL,      -- HH:MM, the slot's start
  slot_start     INTEGER NOT NULL,   -- epoch ms
  slot_end       INTEGER NOT NULL,
  queue          TEXT NOT NULL,
  matters        TEXT NOT NULL,      -- JSON string[]
  name           TEXT NOT NULL,      -- stored in full, shown masked
  phone          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled', 'missed')),
  external_ref   TEXT,
  created_at     INTEGER NOT NULL,
  created_by     TEXT NOT NULL,      -- user id or 'public'
  cancelled_at   INTEGER,
  cancelled_by   TEXT,
  checked_in_at  INTEGER,
  checked_in_by  TEXT,
  missed_at      INTEGER,
  ticket_id      TEXT,
  late           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (hall_id, code)
);
CREATE INDEX appointments_slot ON appointments (hall_id, date, queue, slot, status);
CREATE INDEX appointments_phone ON appointments (hall_id, phone, date);
CREATE INDEX appointments_open ON appointments (hall_id, status, slot_end);
-- One active appointment per phone, day and queue (the service checks first, with a clear message).
CREATE UNIQUE INDEX appointments_one_per_phone ON appointments (hall_id, phone, date, queue)
  WHERE status IN ('booked', 'checked_in');

CREATE TABLE ratings (
  ticket_id    TEXT PRIMARY KEY REFERENCES tickets(id), -- one rating per ticket
  hall_id      TEXT NOT NULL REFERENCES halls(id),
  service_day  TEXT NOT NULL,
  number       TEXT NOT NULL,
  queue        TEXT NOT NULL,
  window_no    INTEGER,
  clerk_id     TEXT,
  score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  reasons      TEXT NOT NULL,  -- JSON RatingReason[]
  comment      TEXT,
  rated_at     INTEGER NOT NULL
);
CREATE INDEX ratings_day ON ratings (hall_id, service_day);

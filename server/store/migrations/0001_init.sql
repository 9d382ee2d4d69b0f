-- The hall's durable state. State tables hold the current picture; `events` is the
-- append-only log of every change (who, when, what, before → after): the audit trail and
-- the source for statistics.

CREATE TABLE halls (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  name_en      TEXT NOT NULL,
  timezone     TEXT NOT NULL,
  service_day  TEXT NOT NULL,
  seq          INTEGER NOT NULL DEFAULT 0,
  settings     TEXT NOT NULL -- JSON HallSettings
);

CREATE TABLE queues (
  hall_id              TEXT NOT NULL REFERENCES halls(id),
  code                 TEXT NOT NULL,
  name                 TEXT NOT NULL,
  name_en              TEXT NOT NULL,
  category             TEXT NOT NULL,
  target_wait_minutes  INTEGER NOT NULL,
  priority_queue       INTEGER NOT NULL,
  number_start         INTEGER NOT NULL,
  number_end           INTEGER NOT NULL,
  sort                 INTEGER NOT NULL,
  next_number          INTEGER NOT NULL,
  avg_service_seconds  REAL NOT NULL,
  PRIMARY KEY (hall_id, code)
);

CREATE TABLE matters (
  hall_id             TEXT NOT NULL REFERENCES halls(id),
  id                  TEXT NOT NULL,
  queue               TEXT NOT NULL,
  name                TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  materials           TEXT NOT NULL, -- JSON string[]
  time_limit_minutes  INTEGER NOT NULL,
  sort                INTEGER NOT NULL,
  PRIMARY KEY (hall_id, id)
);

CREATE TABLE windows (
  hall_id            TEXT NOT NULL REFERENCES halls(id),
  no                 INTEGER NOT NULL,
  name               TEXT NOT NULL,
  name_en            TEXT NOT NULL,
  zone               TEXT NOT NULL,
  kind               TEXT NOT NULL,
  mapping            TEXT NOT NULL, -- JSON MappingEntry[]
  clerk_id           TEXT,
  pause_reason       TEXT,
  current_ticket_id  TEXT,
  priority_streak    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (hall_id, no)
);

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  hall_id        TEXT NOT NULL REFERENCES halls(id),
  username       TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('manager', 'clerk', 'guide', 'kiosk')),
  password_hash  TEXT NOT NULL,
  skills         TEXT NOT NULL DEFAULT '[]', -- JSON queue codes
  active         INTEGER NOT NULL DEFAULT 1,
  demo_password  INTEGER NOT NULL DEFAULT 0, -- still the published demo password
  created_at     TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY, -- sha256 of the bearer token; the token itself is never stored
  user_id     TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  expires_at  INTEGER NOT NULL -- epoch ms
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE tickets (
  id                TEXT PRIMARY KEY,
  hall_id           TEXT NOT NULL REFERENCES halls(id),
  service_day       TEXT NOT NULL,
  number            TEXT NOT NULL,
  queue             TEXT NOT NULL,
  status            TEXT NOT NULL,
  priority          TEXT NOT NULL,
  channel           TEXT NOT NULL,
  matters           TEXT NOT NULL, -- JSON string[]
  note              TEXT,
  issued_at         INTEGER NOT NULL, -- epoch ms
  arrived_at        INTEGER NOT NULL,
  ord               INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  finished_at       INTEGER,
  window_no         INTEGER,
  served_by         TEXT,
  recalls           INTEGER NOT NULL DEFAULT 0,
  closed_reason     TEXT,
  transferred_from  TEXT,
  UNIQUE (hall_id, service_day, number)
);
CREATE INDEX tickets_day ON tickets (hall_id, service_day);

CREATE TABLE events (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id   TEXT NOT NULL,
  seq       INTEGER NOT NULL, -- the hall's seq of the change this event belongs to
  at        INTEGER NOT NULL, -- epoch ms
  actor     TEXT NOT NULL,    -- user id, 'public', or 'system'
  type      TEXT NOT NULL,
  data      TEXT NOT NULL,    -- JSON DomainEvent
  before    TEXT,             -- JSON of the ticket/window before, when there was one
  after     TEXT              -- JSON of the ticket/window after
);
CREATE INDEX events_hall_seq ON events (hall_id, seq);
CREATE INDEX events_type ON events (hall_id, type, id);

-- Answers to requests that carried a request id, so a retry gets the same answer.
CREATE TABLE requests (
  hall_id     TEXT NOT NULL,
  scope       TEXT NOT NULL, -- e.g. 'window:3'
  request_id  TEXT NOT NULL,
  at          INTEGER NOT NULL,
  reply       TEXT NOT NULL, -- JSON
  PRIMARY KEY (hall_id, scope, request_id)
);

-- Every call and recall as the displays announced it (what `call` events carried).
CREATE TABLE calls (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id      TEXT NOT NULL,
  service_day  TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  call         TEXT NOT NULL -- JSON Call
);
CREATE INDEX calls_day ON calls (hall_id, service_day, id);

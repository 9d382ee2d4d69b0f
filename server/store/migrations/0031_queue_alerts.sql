-- 排队预警 (docs/sms.md): a queue long past its target is texted to the duty managers' phones.
-- The manager's settings, one row per hall; none yet: off (shared/queueAlert.ts QUEUE_ALERT_DEFAULTS).
CREATE TABLE queue_alert_settings (
  hall_id          TEXT PRIMARY KEY REFERENCES halls(id),
  minutes          INTEGER NOT NULL,  -- past the target before a text; 0: off
  cooldown_minutes INTEGER NOT NULL,  -- least time between two texts about one queue
  min_waiting      INTEGER NOT NULL   -- fewest people waiting for a text; 0: any
);

-- Each alert written, in the same transaction as its texts: the stamp the cooldown is read from
-- (a restart never writes one twice), and what the board shows (已短信提醒 14:05). `n` counts a
-- queue's alerts of the day; the texts' refs carry it (queue:<day>/<queue>/<n>/<phone's place>).
CREATE TABLE queue_alerts (
  hall_id         TEXT NOT NULL REFERENCES halls(id),
  service_day     TEXT NOT NULL,
  queue           TEXT NOT NULL,
  n               INTEGER NOT NULL,
  at              INTEGER NOT NULL,  -- epoch ms, the hall's clock
  waiting         INTEGER NOT NULL,
  longest_minutes INTEGER NOT NULL,
  target_minutes  INTEGER NOT NULL,
  window_no       INTEGER,           -- the 调度建议 the text made; NULL: none
  PRIMARY KEY (hall_id, service_day, queue, n)
);

-- A new kind of text in the outbox, 'queue'. SQLite cannot change a CHECK, so the table is rebuilt
-- as in 0028: every row copied with its id, the AUTOINCREMENT counter carried over, the 短信回执
-- columns with their CHECK, the index and the UNIQUE rule back as they were.
CREATE TABLE sms_outbox_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  kind        TEXT NOT NULL CHECK (kind IN ('booked', 'reminder', 'near_turn', 'called', 'assist', 'verify', 'deferral', 'queue')),
  phone       TEXT NOT NULL,
  text        TEXT NOT NULL,
  ref         TEXT NOT NULL,     -- 'appointment:<code>', 'ticket:<day>/<number>', 'assist:<id>/<n>', 'verify:<id>', 'deferral:<id>/<step>' or 'queue:<day>/<queue>/<n>/<m>'
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  next_at     INTEGER NOT NULL,  -- not tried before this (backoff after a failure)
  expires_at  INTEGER NOT NULL,  -- not sent after this: a stale text is worse than none
  sent_at     INTEGER,
  delivery       TEXT CHECK (delivery IN ('delivered', 'undelivered')),
  delivery_at    INTEGER,        -- epoch ms, the hall's clock: when the receipt came
  delivery_error TEXT,           -- the platform's reason for an undelivered one
  UNIQUE (hall_id, kind, ref)
);
INSERT INTO sms_outbox_new (id, hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at, delivery, delivery_at, delivery_error)
  SELECT id, hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at, delivery, delivery_at, delivery_error FROM sms_outbox;
DELETE FROM sqlite_sequence WHERE name = 'sms_outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'sms_outbox_new', seq FROM sqlite_sequence WHERE name = 'sms_outbox';
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_new RENAME TO sms_outbox;
CREATE INDEX sms_outbox_due ON sms_outbox (hall_id, status, next_at);

-- 容缺受理's 补齐提醒 (docs/sms.md): a record with a phone is texted on the working day before its
-- deadline and, still 待补齐, once on the first working day after it passed. When each was written
-- to the outbox is kept on the record, in the same transaction as the text, so a restart never
-- writes one twice (the outbox's UNIQUE (hall_id, kind, ref) says so too).
ALTER TABLE deferrals ADD COLUMN reminded_before INTEGER;   -- epoch ms, the hall's clock; NULL: not yet
ALTER TABLE deferrals ADD COLUMN reminded_overdue INTEGER;  -- likewise
-- The reminder run's question: open records by deadline.
CREATE INDEX deferrals_open ON deferrals (hall_id, status, deadline);

-- A new kind of text in the outbox, 'deferral' (ref 'deferral:<record id>/before' or '/overdue').
-- SQLite cannot change a CHECK, so the table is rebuilt as in 0014 and 0017: every row copied with
-- its id, the AUTOINCREMENT counter carried over, the 短信回执 columns of 0025 with their CHECK,
-- the index and the UNIQUE rule back as they were.
CREATE TABLE sms_outbox_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  kind        TEXT NOT NULL CHECK (kind IN ('booked', 'reminder', 'near_turn', 'called', 'assist', 'verify', 'deferral')),
  phone       TEXT NOT NULL,
  text        TEXT NOT NULL,
  ref         TEXT NOT NULL,     -- 'appointment:<code>', 'ticket:<day>/<number>', 'assist:<id>/<n>', 'verify:<id>' or 'deferral:<id>/<step>'
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

-- Two more kinds of text in the outbox: 'called' (轮到您了, a citizen's ticket called to a window)
-- and 'assist' (a 求助 nobody answered, to the duty managers' phones). SQLite cannot change a
-- CHECK, so the table is rebuilt: every row is copied with its id, the AUTOINCREMENT counter is
-- carried over (an id is never handed out twice, even one whose row is gone), and the index and
-- the UNIQUE rule come back as they were.
CREATE TABLE sms_outbox_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  kind        TEXT NOT NULL CHECK (kind IN ('booked', 'reminder', 'near_turn', 'called', 'assist')),
  phone       TEXT NOT NULL,
  text        TEXT NOT NULL,
  ref         TEXT NOT NULL,     -- 'appointment:<code>', 'ticket:<service day>/<number>' or 'assist:<request id>/<n>'
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  next_at     INTEGER NOT NULL,  -- not tried before this (backoff after a failure)
  expires_at  INTEGER NOT NULL,  -- not sent after this: a stale text is worse than none
  sent_at     INTEGER,
  -- Once per kind and subject (an assist text's subject is the request and the phone's place).
  UNIQUE (hall_id, kind, ref)
);
INSERT INTO sms_outbox_new (id, hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at)
  SELECT id, hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at FROM sms_outbox;
-- The counter as it was (it may be past the largest id left), so no id is reused.
DELETE FROM sqlite_sequence WHERE name = 'sms_outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'sms_outbox_new', seq FROM sqlite_sequence WHERE name = 'sms_outbox';
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_new RENAME TO sms_outbox;
-- The sender's question: pending messages due now.
CREATE INDEX sms_outbox_due ON sms_outbox (hall_id, status, next_at);

-- 求助短信: a hall's duty managers' phones (值班长手机, a JSON array of up to 5 mobile numbers) and
-- after how many minutes an unanswered 求助 is texted to them (0: never). No row: none, 2 minutes.
CREATE TABLE assist_sms_settings (
  hall_id     TEXT PRIMARY KEY REFERENCES halls(id),
  duty_phones TEXT NOT NULL DEFAULT '[]',
  minutes     INTEGER NOT NULL DEFAULT 2
);

-- 扫码取号需验证手机号 (防黄牛, docs/citizen.md): a phone taking a number proves it is a phone with a
-- code texted to it, and one phone holds at most a few numbers per queue per day.
--
-- A new kind of text in the outbox, 'verify' (the code). SQLite cannot change a CHECK, so the
-- table is rebuilt as in 0014: every row copied with its id, the AUTOINCREMENT counter carried
-- over, the index and the UNIQUE rule back as they were.
CREATE TABLE sms_outbox_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  kind        TEXT NOT NULL CHECK (kind IN ('booked', 'reminder', 'near_turn', 'called', 'assist', 'verify')),
  phone       TEXT NOT NULL,
  text        TEXT NOT NULL,
  ref         TEXT NOT NULL,     -- 'appointment:<code>', 'ticket:<service day>/<number>', 'assist:<request id>/<n>' or 'verify:<code id>'
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  next_at     INTEGER NOT NULL,  -- not tried before this (backoff after a failure)
  expires_at  INTEGER NOT NULL,  -- not sent after this: a stale text is worse than none
  sent_at     INTEGER,
  UNIQUE (hall_id, kind, ref)
);
INSERT INTO sms_outbox_new (id, hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at)
  SELECT id, hall_id, kind, phone, text, ref, status, attempts, last_error, created_at, next_at, expires_at, sent_at FROM sms_outbox;
DELETE FROM sqlite_sequence WHERE name = 'sms_outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'sms_outbox_new', seq FROM sqlite_sequence WHERE name = 'sms_outbox';
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_new RENAME TO sms_outbox;
CREATE INDEX sms_outbox_due ON sms_outbox (hall_id, status, next_at);

-- Each code asked for: only a salted hash of it is kept (the text in the outbox is the one copy of
-- the digits). The phone's latest code of the day is the one that counts; asking again kills the
-- one before. Rows of past days are removed by the 个人信息保存期限 clean-up.
CREATE TABLE phone_codes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  phone       TEXT NOT NULL,
  service_day TEXT NOT NULL,
  salt        TEXT NOT NULL,
  code_hash   TEXT NOT NULL,     -- hex HMAC-SHA256(salt, code)
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  expires_at  INTEGER NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,  -- wrong tries; at the limit the code is dead
  used_at     INTEGER            -- the ticket it let through (once only)
);
-- A phone's codes of the last hour (the throttle) and its latest one.
CREATE INDEX phone_codes_phone ON phone_codes (hall_id, phone, created_at);

-- Which phone took which phone ticket: the per-phone limit counts these (not the 快到您了 phone,
-- which the holder may remove). Apart from the tickets, like ticket_sms_phones; removed once
-- their day is over.
CREATE TABLE mobile_ticket_phones (
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  ticket_id   TEXT NOT NULL,
  service_day TEXT NOT NULL,
  queue       TEXT NOT NULL,
  phone       TEXT NOT NULL,
  issued_at   INTEGER NOT NULL,
  PRIMARY KEY (hall_id, ticket_id)
);
CREATE INDEX mobile_ticket_phones_phone ON mobile_ticket_phones (hall_id, phone, service_day, queue);

-- 短信提醒: the SMS outbox. A message is written here in the same transaction as what causes it
-- (the booking; the reminder run; the near-turn check after a hall change), so none is lost on a
-- crash; a sender delivers pending ones through the configured gateway (docs/sms.md). Rows are
-- kept: the manager's list of what was sent, what failed and why.
CREATE TABLE sms_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  kind        TEXT NOT NULL CHECK (kind IN ('booked', 'reminder', 'near_turn')),
  phone       TEXT NOT NULL,
  text        TEXT NOT NULL,
  ref         TEXT NOT NULL,     -- 'appointment:<check-in code>' or 'ticket:<service day>/<number>'
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  next_at     INTEGER NOT NULL,  -- not tried before this (backoff after a failure)
  expires_at  INTEGER NOT NULL,  -- not sent after this: a stale reminder is worse than none
  sent_at     INTEGER,
  -- Once per kind and subject: a second booking message, reminder or heads-up is never written.
  UNIQUE (hall_id, kind, ref)
);
-- The sender's question: pending messages due now.
CREATE INDEX sms_outbox_due ON sms_outbox (hall_id, status, next_at);

-- 好差评推送: the outbox of reports to the province's 好差评 platform (一次一评). A row is written in
-- the same transaction as the rating or the 差评's 整改 it reports, so no rating is stored without
-- its report queued; a sender delivers pending rows in order, one at a time, through
-- RATING_WEBHOOK_URL (docs/protocol.md). A changed (or reopened) 整改 puts its row back to pending
-- with the new payload. Rows are kept: what was reported, what the platform refused and why.
CREATE TABLE rating_push_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  kind        TEXT NOT NULL CHECK (kind IN ('rating', 'follow_up')),
  ref         TEXT NOT NULL,     -- the ticket id
  payload     TEXT NOT NULL,     -- JSON, as POSTed (no citizen's phone or name)
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock: when queued (again)
  next_at     INTEGER NOT NULL,  -- not tried before this (backoff after a failure)
  sent_at     INTEGER,
  -- One report per kind and ticket: a rating once; a 整改 re-queued in place when it changes.
  UNIQUE (hall_id, kind, ref)
);
-- The sender's question (the oldest pending row) and the counts.
CREATE INDEX rating_push_outbox_pending ON rating_push_outbox (hall_id, status, id);

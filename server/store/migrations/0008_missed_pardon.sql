-- 爽约 pardons (解除限制): a manager lifts one phone's block, saying why. The misses recorded up
-- to the pardon (appointments.missed_at <= pardoned_at) no longer count for that phone; misses
-- recorded later count again. Rows are kept, never deleted: who pardoned which number, when and
-- why (the audit log has the same, with the block that was lifted).
CREATE TABLE missed_pardons (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id      TEXT NOT NULL REFERENCES halls(id),
  phone        TEXT NOT NULL,
  pardoned_at  INTEGER NOT NULL,  -- epoch ms
  reason       TEXT NOT NULL,     -- 1–200 characters
  pardoned_by  TEXT NOT NULL      -- users.id of the manager
);
-- The 爽约 lookup asks for a phone's latest pardon on every booking.
CREATE INDEX missed_pardons_phone ON missed_pardons (hall_id, phone, pardoned_at);

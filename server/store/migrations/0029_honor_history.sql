-- 历届光荣榜 (docs/counter.md): every stint on the hall's 光荣榜 — who (the account, and its 工号 and
-- name as they were when it was honoured: a renamed or deactivated account still reads as the roll
-- showed it), the title, the service day it entered and the day it left (NULL: still on the roll,
-- 至今). Written by each save of the roll in the save's own transaction, and only for a change: a
-- re-saved roll, or a new order, writes nothing. A stint that ends on the day it began was a
-- correction (a typo in the title, the wrong person), not an honour: its row is removed then.
-- Staff records, not citizen data: the 个人信息保存期限 clean-up leaves them, like the audit log.
CREATE TABLE honor_history (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  clerk_id    TEXT NOT NULL,
  username    TEXT NOT NULL,     -- 工号 as it was
  name        TEXT NOT NULL,     -- name as it was
  title       TEXT NOT NULL,
  from_day    TEXT NOT NULL,     -- YYYY-MM-DD, the hall's service day it entered
  to_day      TEXT,              -- the service day it left; NULL: 至今
  entered_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  left_at     INTEGER
);
-- One open stint per person and title: a save closes the one it ends.
CREATE UNIQUE INDEX honor_history_open ON honor_history (hall_id, clerk_id, title) WHERE to_day IS NULL;
-- A clerk's own honours (我的荣誉).
CREATE INDEX honor_history_clerk ON honor_history (hall_id, clerk_id);

-- The halls whose record has begun. The first time a hall's record is read or written, the roll's
-- earlier changes are replayed from the event log (its SettingsChanged events hold the roll before
-- and after each save), so a hall upgraded with people on its roll has their stints from the day
-- they were put there; a hall listed here is never replayed again.
CREATE TABLE honor_history_halls (
  hall_id  TEXT PRIMARY KEY REFERENCES halls(id),
  since    INTEGER NOT NULL   -- epoch ms, when the replay ran
);

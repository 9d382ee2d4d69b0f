-- 设备状态 (shared/devices.ts): the hall's screens as last seen, so a screen that went dark stays
-- listed as offline across a server restart (in memory it would vanish, and a dead wall with it).
-- One row per device id per hall, written when it connects, goes and when its sound changes; a
-- manager removes a screen taken out of the hall. No personal data: ids are the screens' own.
CREATE TABLE devices (
  hall_id    TEXT NOT NULL REFERENCES halls(id),
  id         TEXT NOT NULL,     -- chosen by the screen, kept in its browser
  kind       TEXT NOT NULL,     -- wall | window | kiosk | guide
  window_no  INTEGER,           -- a window screen's window
  zone       TEXT,              -- a wall showing one zone
  sound      TEXT,              -- on | blocked | off (walls)
  address    TEXT NOT NULL,     -- where it connected from, as the server saw it
  seen_at    INTEGER NOT NULL,  -- ms: when it came online or went, whichever was last
  PRIMARY KEY (hall_id, id)
);

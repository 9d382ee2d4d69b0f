-- A hall's secret keys, one per purpose, made on first use. 'onsite' signs the 场内扫码取号 code a
-- kiosk's screen shows (it changes every minute; docs/citizen.md). Kept in the database so that
-- a restart, or a second process serving the hall, signs and checks with the same key.
CREATE TABLE hall_keys (
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  purpose     TEXT NOT NULL,
  key         TEXT NOT NULL,     -- hex, 32 random bytes
  created_at  INTEGER NOT NULL,  -- epoch ms, the hall's clock
  PRIMARY KEY (hall_id, purpose)
);

-- A staff member's own panel preferences (shared/prefs.ts MyPrefs: 自动叫号 today), per account, so
-- they follow the person from PC to PC. One row per account that has saved any; the JSON is checked
-- against the schema before every write and again when read. Only the account itself reads or
-- writes its row (GET/PUT /api/me/prefs); nothing of it reaches a viewer, a push or the audit log.
CREATE TABLE user_prefs (
  user_id     TEXT PRIMARY KEY REFERENCES users(id),
  prefs       TEXT NOT NULL,  -- JSON MyPrefs: a group per feature, absent until first saved
  updated_at  TEXT NOT NULL   -- ISO, the hall's clock
);

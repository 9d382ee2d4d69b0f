-- The follow-up (整改) of a 差评: what the centre did about it, who recorded it and when. One
-- row per rating, replaced when a manager corrects the note; no row means still open (every
-- 差评 starts open, so none is written at rating time). Only scores 1–2 get rows (the service
-- checks). History (each before → after) is in the audit log.
CREATE TABLE rating_follow_ups (
  ticket_id   TEXT PRIMARY KEY REFERENCES ratings(ticket_id),
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  note        TEXT NOT NULL,     -- 1–500 characters
  handled_by  TEXT NOT NULL,     -- users.id of the manager
  handled_at  INTEGER NOT NULL   -- epoch ms
);

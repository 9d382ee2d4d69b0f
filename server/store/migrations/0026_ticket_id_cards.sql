-- 实名取号 (docs/citizen.md): which card took which ticket. The number itself is never stored: only
-- its HMAC-SHA256 under the hall's 'idcard' key (hall_keys), enough to count one person's numbers
-- of a day (idDailyLimit) and nothing more. Beside it, what the clerk sees at the window — the
-- masked number and the age — and the birth year for the figures. Kept apart from tickets, like
-- ticket_sms_phones, so no public view of a ticket can carry it.
--
-- The 个人信息保存期限 clean-up drops a past day's hash (the limit is per day: kept longer it would
-- tie one person's visits together) and removes the row once older than the hall's cut-off.
CREATE TABLE ticket_id_cards (
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  ticket_id   TEXT NOT NULL,
  service_day TEXT NOT NULL,     -- the ticket's day (YYYY-MM-DD, the hall's zone)
  id_hash     TEXT,              -- hex HMAC-SHA256(hall key, number); NULL once its day is over
  masked      TEXT NOT NULL,     -- 110***********1234
  birth_year  INTEGER NOT NULL,
  age         INTEGER NOT NULL,  -- full years on service_day
  senior      INTEGER NOT NULL,  -- 1: priority because of the age (老年人优先)
  issued_at   INTEGER NOT NULL,  -- epoch ms, the hall's clock
  PRIMARY KEY (hall_id, ticket_id)
);
-- One person's tickets of a day (the limit), and a day's rows (the clean-up).
CREATE INDEX ticket_id_cards_holder ON ticket_id_cards (hall_id, id_hash, service_day, issued_at);
CREATE INDEX ticket_id_cards_day ON ticket_id_cards (hall_id, service_day);

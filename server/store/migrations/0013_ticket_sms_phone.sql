-- 短信提醒 for a walk-in: the phone a ticket's holder added (kiosk ticket screen or phone page) for
-- its 快到您了 text. Kept apart from tickets so no view of a ticket (walls, window screens,
-- snapshots, stats, exports) can ever carry it; one row per ticket, removed when the holder removes
-- the number. Appointment tickets keep using the booking's phone (appointments.ticket_id).
CREATE TABLE ticket_sms_phones (
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  ticket_id   TEXT NOT NULL,
  service_day TEXT NOT NULL,     -- the ticket's day: only today's are followed (after a restart too)
  phone       TEXT NOT NULL,
  added_at    INTEGER NOT NULL,  -- epoch ms, the hall's clock (set or last replaced)
  PRIMARY KEY (hall_id, ticket_id)
);
CREATE INDEX ticket_sms_phones_day ON ticket_sms_phones (hall_id, service_day);

-- 个人信息保存期限 (docs/citizen.md): past appointments keep only masked names and phones
-- (138****5678). Two bookings of one day and queue by different phones can mask alike, so the
-- one-active-booking-per-phone rule must leave masked rows out (a real number never holds '*').
DROP INDEX appointments_one_per_phone;
CREATE UNIQUE INDEX appointments_one_per_phone ON appointments (hall_id, phone, date, queue)
  WHERE status IN ('booked', 'checked_in') AND instr(phone, '*') = 0;

-- 短信回执: what the SMS platform later reported of a message it took (its delivery receipt, 状态报告):
-- delivered to the phone, or not (off, out of service, blocked) and why. Null until a receipt comes
-- (many platforms send none). A table rebuild of sms_outbox (as 0014 and 0017 did) must carry these.
ALTER TABLE sms_outbox ADD COLUMN delivery TEXT CHECK (delivery IN ('delivered', 'undelivered'));
ALTER TABLE sms_outbox ADD COLUMN delivery_at INTEGER;     -- epoch ms, the hall's clock: when the receipt came
ALTER TABLE sms_outbox ADD COLUMN delivery_error TEXT;     -- the platform's reason for an undelivered one

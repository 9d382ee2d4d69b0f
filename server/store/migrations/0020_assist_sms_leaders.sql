-- 求助短信, second tier: a 求助 still unanswered after `leader_minutes` (later than the duty
-- managers' `minutes`) is texted to the leaders' phones too (分管领导手机, a JSON array of up to 5
-- mobile numbers; 0 minutes: never). Halls saved before this have none and 0: as they were.
ALTER TABLE assist_sms_settings ADD COLUMN leader_phones TEXT NOT NULL DEFAULT '[]';
ALTER TABLE assist_sms_settings ADD COLUMN leader_minutes INTEGER NOT NULL DEFAULT 0;

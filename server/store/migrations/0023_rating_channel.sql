-- 评价渠道: where a rating was given — 'phone' (the ticket's phone page, by its QR code) or 'pad'
-- (the 评价器 on the window's counter, docs/display.md). Ratings given before the pad existed
-- came from phones.
ALTER TABLE ratings ADD COLUMN channel TEXT NOT NULL DEFAULT 'phone' CHECK (channel IN ('phone', 'pad'));

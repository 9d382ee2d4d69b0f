-- The English name of a window's zone (专区), for the English views of screens and panels.
ALTER TABLE windows ADD COLUMN zone_en TEXT NOT NULL DEFAULT '';

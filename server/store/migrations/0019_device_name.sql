-- 设备状态: the name a screen was given in its address (`?name=东门大屏`), so a hall with several
-- walls for the same zone (or none) can tell them apart in the console. Absent: named by kind.
ALTER TABLE devices ADD COLUMN name TEXT;

-- 亮证亮照: a staff account's photo, shown on the 评价器 and (when the hall turns on 窗口屏显示工作人员)
-- on the screen above the window. One row per account that has a photo; the console sends a
-- 240×320 JPEG of a few tens of kB, the server takes JPEG or PNG up to 300 kB, magic bytes checked.
-- `version` is a hash of the bytes: screens load /api/staff/<id>/photo?v=<version>, so a new photo
-- is a new URL and an old one may be cached for good (it is also the ETag).
CREATE TABLE staff_photos (
  user_id     TEXT PRIMARY KEY REFERENCES users(id),
  bytes       BLOB NOT NULL,
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  version     TEXT NOT NULL,
  updated_at  TEXT NOT NULL   -- ISO, the hall's clock
);

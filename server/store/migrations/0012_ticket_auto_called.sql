-- Whether a ticket's (last) call was made by the clerk panel's 自动叫号 rather than pressed, so the
-- figures can tell each clerk's automatic calls from their own. Tickets stored before: pressed (0),
-- 自动叫号 landed the same day and never said so.
ALTER TABLE tickets ADD COLUMN auto_called INTEGER NOT NULL DEFAULT 0;

-- A manager may take a window out of service (停用): nobody can sign in there until it is enabled.
ALTER TABLE windows ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;

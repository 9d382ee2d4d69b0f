-- A queue's number prefix (号码前缀) when it is not the queue's code; NULL: numbers start with
-- the code, as in every hall before this column.
ALTER TABLE queues ADD COLUMN prefix TEXT;

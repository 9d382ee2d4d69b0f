-- Each ticket keeps its queue's target wait (minutes) as it was when the ticket joined that queue
-- (issued, or transferred in): a past day is judged by the targets it had, not by today's.
ALTER TABLE tickets ADD COLUMN target_wait_minutes INTEGER;

-- Tickets stored before this column get the target that was in force at their issue. Every change
-- of a queue is in the event log (QueueChanged, with the queue as it was `before`), so that is the
-- `before` of the first change of the queue after the ticket was issued, or, when the queue has not
-- changed since, its current target. A queue the hall no longer has leaves the ticket NULL: the
-- figures then judge it by its queue's current target, if any, and say so.
CREATE TEMP TABLE queue_changes AS
  SELECT hall_id, json_extract(data, '$.queue.code') AS code, at, id,
         json_extract(data, '$.before.targetWaitMinutes') AS before_target
  FROM events WHERE type = 'QueueChanged';
CREATE INDEX temp.queue_changes_at ON queue_changes (hall_id, code, at, id);

UPDATE tickets SET target_wait_minutes = COALESCE(
  (SELECT c.before_target FROM queue_changes c
    WHERE c.hall_id = tickets.hall_id AND c.code = tickets.queue AND c.at > tickets.issued_at
    ORDER BY c.at, c.id LIMIT 1),
  (SELECT q.target_wait_minutes FROM queues q WHERE q.hall_id = tickets.hall_id AND q.code = tickets.queue));

DROP TABLE temp.queue_changes;

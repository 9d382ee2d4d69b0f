/**
 * 排队预警 in SQLite (migration 0031): the manager's settings (one row per hall; none yet: the
 * defaults, off) and each alert written (the stamp the cooldown is read from, and the board's mark).
 */
import { QUEUE_ALERT_DEFAULTS, type QueueAlertSettings } from '../../shared/queueAlert';
import type { Db } from '../store';

export interface QueueAlertRec {
  serviceDay: string;
  queue: string;
  /** The queue's n-th alert of the day (1, 2 …). */
  n: number;
  at: number;
  waiting: number;
  longestMinutes: number;
  targetMinutes: number;
  windowNo?: number | undefined;
}

interface SettingsRow {
  minutes: number;
  cooldown_minutes: number;
  min_waiting: number;
}
interface AlertRow {
  service_day: string;
  queue: string;
  n: number;
  at: number;
  waiting: number;
  longest_minutes: number;
  target_minutes: number;
  window_no: number | null;
}

export function createQueueAlertRepo(db: Db) {
  const s = {
    settings: db.prepare<[string], SettingsRow>('SELECT minutes, cooldown_minutes, min_waiting FROM queue_alert_settings WHERE hall_id = ?'),
    putSettings: db.prepare(`INSERT INTO queue_alert_settings (hall_id, minutes, cooldown_minutes, min_waiting)
      VALUES (@hall_id, @minutes, @cooldown_minutes, @min_waiting)
      ON CONFLICT (hall_id) DO UPDATE SET minutes = excluded.minutes, cooldown_minutes = excluded.cooldown_minutes, min_waiting = excluded.min_waiting`),
    // Each queue's latest of the day: the primary key's range, one row per queue.
    latest: db.prepare<[string, string], AlertRow>(`SELECT a.* FROM queue_alerts a
      WHERE a.hall_id = ? AND a.service_day = ? AND a.n = (SELECT max(b.n) FROM queue_alerts b
        WHERE b.hall_id = a.hall_id AND b.service_day = a.service_day AND b.queue = a.queue)
      ORDER BY a.queue`),
    insert: db.prepare(`INSERT OR IGNORE INTO queue_alerts (hall_id, service_day, queue, n, at, waiting, longest_minutes, target_minutes, window_no)
      VALUES (@hall_id, @service_day, @queue, @n, @at, @waiting, @longest_minutes, @target_minutes, @window_no)`),
  };
  return {
    settings(hallId: string): QueueAlertSettings {
      const r = s.settings.get(hallId);
      return r ? { minutes: r.minutes, cooldownMinutes: r.cooldown_minutes, minWaiting: r.min_waiting } : { ...QUEUE_ALERT_DEFAULTS };
    },
    putSettings(hallId: string, v: QueueAlertSettings): void {
      s.putSettings.run({ hall_id: hallId, minutes: v.minutes, cooldown_minutes: v.cooldownMinutes, min_waiting: v.minWaiting });
    },
    /** Each queue's latest alert of a service day, by queue code. */
    latest(hallId: string, serviceDay: string): QueueAlertRec[] {
      return s.latest.all(hallId, serviceDay).map((r) => ({
        serviceDay: r.service_day,
        queue: r.queue,
        n: r.n,
        at: r.at,
        waiting: r.waiting,
        longestMinutes: r.longest_minutes,
        targetMinutes: r.target_minutes,
        windowNo: r.window_no ?? undefined,
      }));
    },
    /** False when that alert (day, queue, n) was written already. */
    insert(hallId: string, a: QueueAlertRec): boolean {
      return (
        s.insert.run({
          hall_id: hallId,
          service_day: a.serviceDay,
          queue: a.queue,
          n: a.n,
          at: a.at,
          waiting: a.waiting,
          longest_minutes: a.longestMinutes,
          target_minutes: a.targetMinutes,
          window_no: a.windowNo ?? null,
        }).changes === 1
      );
    },
  };
}

export type QueueAlertRepo = ReturnType<typeof createQueueAlertRepo>;

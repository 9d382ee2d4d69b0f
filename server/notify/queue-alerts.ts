/**
 * 排队预警 by text (docs/sms.md): the app's 30-second timer looks at the board's queue rows
 * (shared/queueBoard.ts, the console's own rule), asks the pure rule which queues are due a text
 * (queue-alert-rules.ts), and writes one text per duty phone (the 求助短信 list, 值班长手机) with the
 * board's 调度建议 (shared/overflowSuggest.ts) when it has one — the alert's stamp and its texts in
 * one transaction, so a restart never writes one twice (the outbox's UNIQUE kind and ref neither).
 * Only while SMS is on and a gateway is configured: a text that cannot go must not mark a queue
 * as texted on the board.
 */
import type { CitizenSettings } from '../../shared/citizen';
import type { Reply } from '../../shared/errors';
import { suggestOverflow } from '../../shared/overflowSuggest';
import { queueBoard, type QueueBoardRow } from '../../shared/queueBoard';
import type { QueueAlertMarks, QueueAlertSettings } from '../../shared/queueAlert';
import { localParts } from '../domain/calendar';
import { iso } from '../domain/time';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import type { AssistSmsRepo } from './assist-settings-repo';
import type { OutboxRepo } from './outbox-repo';
import { inOpenHours, QUEUE_ALERT_TTL_MS, queueAlertsDue } from './queue-alert-rules';
import type { QueueAlertRec, QueueAlertRepo } from './queue-alert-repo';
import type { SmsSender } from './sender';
import { queueAlertText } from './texts';

/** A text's ref: the day, the queue, its n-th alert of the day, the phone's place in the list. */
export const queueAlertRef = (day: string, queue: string, n: number, phone: number): string => `queue:${day}/${queue}/${n}/${phone}`;

export interface QueueAlertsDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  /** The citizen settings' `smsEnabled`: one switch for every text the hall sends. */
  smsSettings: () => CitizenSettings;
  /** 求助短信's settings: their duty phones are the ones texted. */
  assistSettings: AssistSmsRepo;
  repo: QueueAlertRepo;
  outbox: OutboxRepo;
  sender: SmsSender;
}

export function createQueueAlerts(deps: QueueAlertsDeps) {
  const { db, hall, clock, repo, outbox, sender } = deps;
  const hallId = hall.hallId;

  /** Writes the alerts due now; the queues texted. */
  function run(): string[] {
    const settings = repo.settings(hallId);
    if (settings.minutes <= 0 || !sender.configured || !deps.smsSettings().smsEnabled) return [];
    const phones = deps.assistSettings.get(hallId).dutyPhones;
    if (phones.length === 0) return [];
    const now = clock.now();
    const state = hall.state();
    const open = inOpenHours(state.settings.workHours, localParts(now, state.timezone));
    if (!open) return [];
    const snap = hall.snapshot();
    const rows = queueBoard(snap.queues, snap.windows, now);
    const today = state.serviceDay;
    const latest = new Map(repo.latest(hallId, today).map((a) => [a.queue, a]));
    const due = queueAlertsDue({ rows, last: new Map([...latest].map(([q, a]) => [q, a.at])), settings, smsOn: true, open, now });
    if (due.length === 0) return [];
    // The board's 调度建议, with the clerks' skills as the console loads them (人随事定).
    const skills = new Map([...state.clerks.values()].map((c) => [c.id, c.skills]));
    const advice = new Map(suggestOverflow({ rows, windows: snap.windows, skills }).map((s) => [s.queue.queue.code, s.window.no]));
    const texted = db.transaction(() =>
      due.filter((row) => {
        const alert = alertOf(row, today, (latest.get(row.queue.code)?.n ?? 0) + 1, now, advice.get(row.queue.code));
        if (!repo.insert(hallId, alert)) return false;
        const text = queueAlertText({
          hall: state.name,
          code: row.queue.code,
          queue: row.queue.name,
          waiting: alert.waiting,
          minutes: alert.longestMinutes,
          target: alert.targetMinutes,
          windowNo: alert.windowNo,
        });
        phones.forEach((phone, i) =>
          outbox.enqueue(hallId, { kind: 'queue', phone, text, ref: queueAlertRef(today, alert.queue, alert.n, i + 1), createdAt: now, expiresAt: now + QUEUE_ALERT_TTL_MS }),
        );
        return true;
      }),
    )();
    if (texted.length > 0) sender.kick();
    return texted.map((r) => r.queue.code);
  }

  return {
    /** The timer's share (every 30 s, the hall's clock): the queues texted now. */
    tick: run,
    settings(): Reply<QueueAlertSettings> {
      return ok(repo.settings(hallId));
    },
    /** Replaces the settings (managers; the route checks); audited. */
    update(actor: Actor, v: QueueAlertSettings): Reply<QueueAlertSettings> {
      const before = repo.settings(hallId);
      db.transaction(() => {
        repo.putSettings(hallId, v);
        hall.audit(actor, 'QueueAlertSettingsChanged', before, v);
      })();
      return ok(repo.settings(hallId));
    },
    /** Today's last alert per queue, for the board (已短信提醒 14:05). */
    marks(): Reply<QueueAlertMarks> {
      const day = hall.state().serviceDay;
      const alerts = repo.latest(hallId, day).map((a) => ({ queue: a.queue, at: iso(a.at), count: a.n, waiting: a.waiting, longestMinutes: a.longestMinutes }));
      return ok({ serviceDay: day, alerts });
    },
  };
}

function alertOf(row: QueueBoardRow, serviceDay: string, n: number, now: number, windowNo: number | undefined): QueueAlertRec {
  return {
    serviceDay,
    queue: row.queue.code,
    n,
    at: now,
    waiting: row.queue.waiting,
    longestMinutes: Math.floor(row.longestWait / 60),
    targetMinutes: row.queue.targetWaitMinutes,
    windowNo,
  };
}

export type QueueAlerts = ReturnType<typeof createQueueAlerts>;

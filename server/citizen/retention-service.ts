/**
 * 个人信息保存期限: names and phones are kept in full only as long as the hall needs them
 * (个人信息保护法: no longer than the purpose requires). A clean-up runs when the server starts and
 * then every hour; a manager may run one at once. Each that changes anything is one transaction
 * with one audit entry (PersonalDataPurged) saying how many of each were masked.
 */
import type { RetentionCounts, RetentionStatus } from '../../shared/citizen';
import { SYSTEM, type Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import type { HallService } from '../service/hall-service';
import { serviceDayOf } from '../domain';
import type { Db } from '../store';
import { zonedEpoch } from '../domain/calendar';
import type { RetentionRepo } from './retention-repo';
import { keptDays, maskName, maskPhone, retentionCutoff } from './rules';
import type { SettingsRepo } from './settings-repo';

const HOUR = 60 * 60_000;
const MASKS = { name: maskName, phone: maskPhone };

export interface RetentionDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  repo: RetentionRepo;
  settings: SettingsRepo;
}

const total = (c: RetentionCounts): number => c.appointments + c.pardons + c.sms + c.ticketPhones + c.idCards + c.deferrals;

export function createRetention(deps: RetentionDeps) {
  const { db, hall, clock, repo } = deps;
  let lastRun: RetentionStatus['lastRun'] = null;

  function cutoff() {
    const settings = deps.settings.get(hall.hallId);
    const timezone = hall.state().timezone;
    const today = serviceDayOf(clock.now(), timezone);
    const date = retentionCutoff(settings, today);
    return { settings, c: { hallId: hall.hallId, date, at: zonedEpoch(date, '00:00', timezone), today } };
  }

  function run(actor: Actor = SYSTEM): RetentionCounts {
    const { settings, c } = cutoff();
    const counts = db.transaction(() => {
      const done = repo.purge(c, MASKS);
      if (total(done) > 0) hall.audit(actor, 'PersonalDataPurged', null, { cutoff: c.date, keptDays: keptDays(settings), ...done });
      return done;
    })();
    lastRun = { at: clock.now(), counts };
    return counts;
  }

  return {
    run,
    /** From the server's timer: at most one clean-up an hour (the first at once). */
    tick(): void {
      if (lastRun === null || clock.now() - lastRun.at >= HOUR) run();
    },
    status(): RetentionStatus {
      const { settings, c } = cutoff();
      return { personalDataDays: settings.personalDataDays, keptDays: keptDays(settings), cutoff: c.date, lastRun, pending: repo.pending(c) };
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;

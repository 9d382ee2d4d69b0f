/** 求助短信's settings in SQLite (migrations 0014, 0020): one row per hall; none yet means no phones, the default minutes. */
import type { AssistSmsSettings } from '../../shared/admin';
import { ASSIST_SMS_MINUTES_DEFAULT } from '../../shared/notify';
import type { Db } from '../store';

export const DEFAULT_ASSIST_SMS: AssistSmsSettings = { dutyPhones: [], minutes: ASSIST_SMS_MINUTES_DEFAULT, leaderPhones: [], leaderMinutes: 0 };

interface Row {
  duty_phones: string;
  minutes: number;
  leader_phones: string;
  leader_minutes: number;
}

export function createAssistSmsRepo(db: Db) {
  const s = {
    get: db.prepare<[string], Row>('SELECT duty_phones, minutes, leader_phones, leader_minutes FROM assist_sms_settings WHERE hall_id = ?'),
    put: db.prepare(`INSERT INTO assist_sms_settings (hall_id, duty_phones, minutes, leader_phones, leader_minutes)
      VALUES (@hall_id, @duty_phones, @minutes, @leader_phones, @leader_minutes)
      ON CONFLICT (hall_id) DO UPDATE SET duty_phones = excluded.duty_phones, minutes = excluded.minutes,
        leader_phones = excluded.leader_phones, leader_minutes = excluded.leader_minutes`),
  };
  return {
    get(hallId: string): AssistSmsSettings {
      const r = s.get.get(hallId);
      return r
        ? {
            dutyPhones: JSON.parse(r.duty_phones) as string[],
            minutes: r.minutes,
            leaderPhones: JSON.parse(r.leader_phones) as string[],
            leaderMinutes: r.leader_minutes,
          }
        : structuredClone(DEFAULT_ASSIST_SMS);
    },
    put(hallId: string, v: AssistSmsSettings): void {
      s.put.run({
        hall_id: hallId,
        duty_phones: JSON.stringify(v.dutyPhones),
        minutes: v.minutes,
        leader_phones: JSON.stringify(v.leaderPhones),
        leader_minutes: v.leaderMinutes,
      });
    },
  };
}

export type AssistSmsRepo = ReturnType<typeof createAssistSmsRepo>;

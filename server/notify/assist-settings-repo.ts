/** 求助短信's settings in SQLite (migration 0014): one row per hall; none yet means no phones, the default minutes. */
import type { AssistSmsSettings } from '../../shared/admin';
import { ASSIST_SMS_MINUTES_DEFAULT } from '../../shared/notify';
import type { Db } from '../store';

export const DEFAULT_ASSIST_SMS: AssistSmsSettings = { dutyPhones: [], minutes: ASSIST_SMS_MINUTES_DEFAULT };

export function createAssistSmsRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT duty_phones, minutes FROM assist_sms_settings WHERE hall_id = ?'),
    put: db.prepare(`INSERT INTO assist_sms_settings (hall_id, duty_phones, minutes) VALUES (@hall_id, @duty_phones, @minutes)
      ON CONFLICT (hall_id) DO UPDATE SET duty_phones = excluded.duty_phones, minutes = excluded.minutes`),
  };
  return {
    get(hallId: string): AssistSmsSettings {
      const r = s.get.get(hallId) as { duty_phones: string; minutes: number } | undefined;
      return r ? { dutyPhones: JSON.parse(r.duty_phones) as string[], minutes: r.minutes } : structuredClone(DEFAULT_ASSIST_SMS);
    },
    put(hallId: string, v: AssistSmsSettings): void {
      s.put.run({ hall_id: hallId, duty_phones: JSON.stringify(v.dutyPhones), minutes: v.minutes });
    },
  };
}

export type AssistSmsRepo = ReturnType<typeof createAssistSmsRepo>;

/** The hall's citizen-side settings: one JSON row per hall, defaults until a manager saves some. */
import { CitizenSettings } from '../../shared/citizen';
import type { Db } from '../store';
import { DEFAULT_CITIZEN_SETTINGS } from './settings';

export function createSettingsRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT settings FROM citizen_settings WHERE hall_id = ?'),
    put: db.prepare(`INSERT INTO citizen_settings (hall_id, settings) VALUES (?, ?)
      ON CONFLICT (hall_id) DO UPDATE SET settings = excluded.settings`),
  };
  return {
    /** Stored settings over the defaults, so a setting added later has its default on old rows. */
    get(hallId: string): CitizenSettings {
      const r = s.get.get(hallId) as { settings: string } | undefined;
      if (!r) return structuredClone(DEFAULT_CITIZEN_SETTINGS);
      const parsed = CitizenSettings.safeParse({ ...DEFAULT_CITIZEN_SETTINGS, ...(JSON.parse(r.settings) as object) });
      return parsed.success ? parsed.data : structuredClone(DEFAULT_CITIZEN_SETTINGS);
    },
    put(hallId: string, settings: CitizenSettings): void {
      s.put.run(hallId, JSON.stringify(settings));
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;

/** The matter catalogue (事项清单): what each queue handles and what to bring. */
import type { Matter } from '../../shared/schemas';
import type { Db } from './open';

interface MatterRow {
  hall_id: string;
  id: string;
  queue: string;
  name: string;
  name_en: string;
  materials: string;
  time_limit_minutes: number;
  sort: number;
}

export function createCatalogueRepo(db: Db) {
  const s = {
    matters: db.prepare<[string], MatterRow>('SELECT * FROM matters WHERE hall_id = ? ORDER BY queue, sort, id'),
    upsert: db.prepare(`INSERT INTO matters VALUES (@hall_id, @id, @queue, @name, @name_en, @materials, @time_limit_minutes, @sort)
      ON CONFLICT (hall_id, id) DO UPDATE SET queue = excluded.queue, name = excluded.name, name_en = excluded.name_en,
        materials = excluded.materials, time_limit_minutes = excluded.time_limit_minutes, sort = excluded.sort`),
    remove: db.prepare<[string, string]>('DELETE FROM matters WHERE hall_id = ? AND id = ?'),
    sortOf: db.prepare<[string, string], { sort: number }>('SELECT sort FROM matters WHERE hall_id = ? AND id = ?'),
    maxSort: db.prepare<[string], { m: number | null }>('SELECT max(sort) AS m FROM matters WHERE hall_id = ?'),
  };
  return {
    matters(hallId: string): Matter[] {
      return s.matters.all(hallId).map((r) => ({
        id: r.id,
        queue: r.queue,
        name: r.name,
        nameEn: r.name_en,
        materials: JSON.parse(r.materials) as string[],
        timeLimitMinutes: r.time_limit_minutes,
      }));
    },
    /** Within the caller's transaction: new matters go last in their queue. */
    apply(hallId: string, upsert: Matter[], remove: string[]): void {
      for (const id of remove) s.remove.run(hallId, id);
      for (const m of upsert) {
        const sort = s.sortOf.get(hallId, m.id)?.sort ?? (s.maxSort.get(hallId)?.m ?? 0) + 1;
        s.upsert.run({ hall_id: hallId, id: m.id, queue: m.queue, name: m.name, name_en: m.nameEn, materials: JSON.stringify(m.materials), time_limit_minutes: m.timeLimitMinutes, sort });
      }
    },
    upsertMatters: db.transaction((hallId: string, matters: Matter[]) => {
      matters.forEach((m, i) => {
        s.upsert.run({
          hall_id: hallId,
          id: m.id,
          queue: m.queue,
          name: m.name,
          name_en: m.nameEn,
          materials: JSON.stringify(m.materials),
          time_limit_minutes: m.timeLimitMinutes,
          sort: i,
        });
      });
    }),
  };
}

export type CatalogueRepo = ReturnType<typeof createCatalogueRepo>;

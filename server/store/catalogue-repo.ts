/** The matter catalogue (事项清单): what each queue handles and what to bring. */
import { canonicalMatter } from '../../shared/deferral';
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
  deferrable_materials: string;
}

const rowOf = (hallId: string, m: Matter, sort: number): MatterRow => ({
  hall_id: hallId,
  id: m.id,
  queue: m.queue,
  name: m.name,
  name_en: m.nameEn,
  materials: JSON.stringify(m.materials),
  time_limit_minutes: m.timeLimitMinutes,
  sort,
  deferrable_materials: JSON.stringify(canonicalMatter(m).deferrable ?? []),
});

export function createCatalogueRepo(db: Db) {
  const s = {
    matters: db.prepare<[string], MatterRow>('SELECT * FROM matters WHERE hall_id = ? ORDER BY queue, sort, id'),
    upsert: db.prepare(`INSERT INTO matters (hall_id, id, queue, name, name_en, materials, time_limit_minutes, sort, deferrable_materials)
      VALUES (@hall_id, @id, @queue, @name, @name_en, @materials, @time_limit_minutes, @sort, @deferrable_materials)
      ON CONFLICT (hall_id, id) DO UPDATE SET queue = excluded.queue, name = excluded.name, name_en = excluded.name_en,
        materials = excluded.materials, time_limit_minutes = excluded.time_limit_minutes, sort = excluded.sort,
        deferrable_materials = excluded.deferrable_materials`),
    remove: db.prepare<[string, string]>('DELETE FROM matters WHERE hall_id = ? AND id = ?'),
    sortOf: db.prepare<[string, string], { sort: number }>('SELECT sort FROM matters WHERE hall_id = ? AND id = ?'),
    maxSort: db.prepare<[string], { m: number | null }>('SELECT max(sort) AS m FROM matters WHERE hall_id = ?'),
  };
  return {
    matters(hallId: string): Matter[] {
      return s.matters.all(hallId).map((r) =>
        canonicalMatter({
          id: r.id,
          queue: r.queue,
          name: r.name,
          nameEn: r.name_en,
          materials: JSON.parse(r.materials) as string[],
          timeLimitMinutes: r.time_limit_minutes,
          deferrable: JSON.parse(r.deferrable_materials) as string[],
        }),
      );
    },
    /** Within the caller's transaction: new matters go last in their queue. */
    apply(hallId: string, upsert: Matter[], remove: string[]): void {
      for (const id of remove) s.remove.run(hallId, id);
      for (const m of upsert) {
        const sort = s.sortOf.get(hallId, m.id)?.sort ?? (s.maxSort.get(hallId)?.m ?? 0) + 1;
        s.upsert.run(rowOf(hallId, m, sort));
      }
    },
    upsertMatters: db.transaction((hallId: string, matters: Matter[]) => {
      matters.forEach((m, i) => {
        s.upsert.run(rowOf(hallId, m, i));
      });
    }),
  };
}

export type CatalogueRepo = ReturnType<typeof createCatalogueRepo>;

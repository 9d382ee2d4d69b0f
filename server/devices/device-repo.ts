/** 设备状态's memory across restarts (migrations 0018, 0019): each screen as last seen. */
import { DeviceHello, type DeviceHello as Hello } from '../../shared/devices';
import type { Db } from '../store';

export interface DeviceRow {
  hello: Hello;
  address: string;
  /** ms: when it came online or went. */
  seenAt: number;
}

interface Row {
  id: string;
  kind: string;
  window_no: number | null;
  zone: string | null;
  name: string | null;
  sound: string | null;
  address: string;
  seen_at: number;
}

export function createDeviceRepo(db: Db, hallId: string) {
  const s = {
    all: db.prepare<[string], Row>('SELECT id, kind, window_no, zone, name, sound, address, seen_at FROM devices WHERE hall_id = ?'),
    put: db.prepare<[string, string, string, number | null, string | null, string | null, string | null, string, number]>(
      `INSERT INTO devices (hall_id, id, kind, window_no, zone, name, sound, address, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hall_id, id) DO UPDATE SET kind = excluded.kind, window_no = excluded.window_no, zone = excluded.zone,
         name = excluded.name, sound = excluded.sound, address = excluded.address, seen_at = excluded.seen_at`,
    ),
    remove: db.prepare<[string, string]>('DELETE FROM devices WHERE hall_id = ? AND id = ?'),
  };
  return {
    /** Every stored device; a row that no longer passes the hello's schema (hand-edited) is skipped. */
    all(): DeviceRow[] {
      const out: DeviceRow[] = [];
      for (const r of s.all.all(hallId)) {
        const hello = DeviceHello.safeParse({
          id: r.id,
          kind: r.kind,
          ...(r.window_no !== null ? { windowNo: r.window_no } : {}),
          ...(r.zone !== null ? { zone: r.zone } : {}),
          ...(r.name !== null ? { name: r.name } : {}),
          ...(r.sound !== null ? { sound: r.sound } : {}),
        });
        if (hello.success) out.push({ hello: hello.data, address: r.address, seenAt: r.seen_at });
      }
      return out;
    },
    put(d: DeviceRow): void {
      const h = d.hello;
      s.put.run(hallId, h.id, h.kind, h.windowNo ?? null, h.zone ?? null, h.name ?? null, h.sound ?? null, d.address, d.seenAt);
    },
    remove(id: string): boolean {
      return s.remove.run(hallId, id).changes > 0;
    },
  };
}

export type DeviceRepo = ReturnType<typeof createDeviceRepo>;

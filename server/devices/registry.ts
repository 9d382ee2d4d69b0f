/**
 * 设备状态: which hall screens are connected now, and since when the others have been gone. A
 * device is its chosen id, so a reload (or two tabs of one box) is one device; it is online while
 * at least one of its connections is. Each screen as last seen is written through to the store
 * (device-repo.ts), so one that went dark is still listed, offline, after a restart; a manager
 * removes a screen taken out of the hall. Listeners hear of every change (the managers' push).
 */
import type { Device, DeviceHello, DeviceKind, DeviceList, DeviceStatus } from '../../shared/devices';
import type { DeviceRepo } from './device-repo';

interface Entry {
  hello: DeviceHello;
  sockets: Set<string>;
  /** Online: connected since; offline: gone since. */
  since: number;
  address: string;
}

const KIND_ORDER: Record<DeviceKind, number> = { wall: 0, window: 1, kiosk: 2, guide: 3, pad: 4 };

/** Walls first, then window screens by number, kiosks, guide desks, 评价器 by window; then by id. */
export function compareDevices(a: Device, b: Device): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.windowNo ?? 0) - (b.windowNo ?? 0) || a.id.localeCompare(b.id);
}

export type RemoveResult = 'removed' | 'online' | 'unknown';

export function createDeviceRegistry(now: () => number, repo?: DeviceRepo) {
  const devices = new Map<string, Entry>();
  const bySocket = new Map<string, string>();
  const listeners = new Set<() => void>();
  for (const r of repo?.all() ?? []) devices.set(r.hello.id, { hello: r.hello, sockets: new Set(), since: r.seenAt, address: r.address });

  const changed = (e: Entry): void => {
    repo?.put({ hello: e.hello, address: e.address, seenAt: e.since });
    for (const l of listeners) l();
  };

  const view = (e: Entry): Device => ({
    id: e.hello.id,
    kind: e.hello.kind,
    ...(e.hello.windowNo !== undefined ? { windowNo: e.hello.windowNo } : {}),
    ...(e.hello.zone !== undefined ? { zone: e.hello.zone } : {}),
    ...(e.hello.name !== undefined ? { name: e.hello.name } : {}),
    ...(e.hello.sound !== undefined ? { sound: e.hello.sound } : {}),
    online: e.sockets.size > 0,
    since: new Date(e.since).toISOString(),
    address: e.address,
  });

  return {
    /** Called on every change (a screen came, went, changed its sound, was removed). */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** A display connected (or reconnected) saying who it is. */
    connected(socketId: string, hello: DeviceHello, address: string): void {
      let e = devices.get(hello.id);
      if (e) {
        if (e.sockets.size === 0) e.since = now();
        // A hello without sound (a reload before the wall knows) keeps the last known.
        e.hello = { ...hello, ...(hello.sound === undefined && e.hello.sound !== undefined ? { sound: e.hello.sound } : {}) };
        e.address = address;
        e.sockets.add(socketId);
      } else {
        e = { hello, sockets: new Set([socketId]), since: now(), address };
        devices.set(hello.id, e);
      }
      bySocket.set(socketId, hello.id);
      changed(e);
    },
    /** Its sound changed; false when it is not a device or nothing changed. */
    status(socketId: string, status: DeviceStatus): boolean {
      const id = bySocket.get(socketId);
      const e = id === undefined ? undefined : devices.get(id);
      if (!e || e.hello.sound === status.sound) return false;
      e.hello = { ...e.hello, sound: status.sound };
      changed(e);
      return true;
    },
    /** A connection closed; false when it was not a device's. */
    disconnected(socketId: string): boolean {
      const id = bySocket.get(socketId);
      if (id === undefined) return false;
      bySocket.delete(socketId);
      const e = devices.get(id);
      if (!e) return false;
      e.sockets.delete(socketId);
      if (e.sockets.size > 0) return true;
      e.since = now();
      changed(e);
      return true;
    },
    /** A manager takes a screen off the list (it left the hall); only an offline one. */
    remove(id: string): RemoveResult {
      const e = devices.get(id);
      if (!e) return 'unknown';
      if (e.sockets.size > 0) return 'online';
      devices.delete(id);
      repo?.remove(id);
      for (const l of listeners) l();
      return 'removed';
    },
    list(): DeviceList {
      return { at: new Date(now()).toISOString(), devices: [...devices.values()].map(view).sort(compareDevices) };
    },
  };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;

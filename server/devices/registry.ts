/**
 * 设备状态, in memory: which hall screens are connected now, and since when the others have been
 * gone. A device is its chosen id, so a reload (or two tabs of one box) is one device; it is
 * online while at least one of its connections is. Offline devices are forgotten a day after
 * they left (a screen taken away should not stay listed for ever). Nothing is stored: after a
 * restart every screen reconnects within seconds and says who it is again.
 */
import type { Device, DeviceHello, DeviceKind, DeviceList, DeviceStatus } from '../../shared/devices';

export const FORGET_OFFLINE_MS = 24 * 60 * 60 * 1000;

interface Entry {
  hello: DeviceHello;
  sockets: Set<string>;
  /** Online: connected since; offline: gone since. */
  since: number;
  address: string;
}

const KIND_ORDER: Record<DeviceKind, number> = { wall: 0, window: 1, kiosk: 2, guide: 3 };

/** Walls first, then window screens by number, kiosks, guide desks; then by id. */
export function compareDevices(a: Device, b: Device): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.windowNo ?? 0) - (b.windowNo ?? 0) || a.id.localeCompare(b.id);
}

export function createDeviceRegistry(now: () => number, forgetAfterMs = FORGET_OFFLINE_MS) {
  const devices = new Map<string, Entry>();
  const bySocket = new Map<string, string>();

  const view = (e: Entry): Device => ({
    id: e.hello.id,
    kind: e.hello.kind,
    ...(e.hello.windowNo !== undefined ? { windowNo: e.hello.windowNo } : {}),
    ...(e.hello.zone !== undefined ? { zone: e.hello.zone } : {}),
    ...(e.hello.sound !== undefined ? { sound: e.hello.sound } : {}),
    online: e.sockets.size > 0,
    since: new Date(e.since).toISOString(),
    address: e.address,
  });

  return {
    /** A display connected (or reconnected) saying who it is. */
    connected(socketId: string, hello: DeviceHello, address: string): void {
      const e = devices.get(hello.id);
      if (e) {
        if (e.sockets.size === 0) e.since = now();
        e.hello = { ...hello, ...(hello.sound === undefined && e.hello.sound !== undefined ? { sound: e.hello.sound } : {}) };
        e.address = address;
        e.sockets.add(socketId);
      } else {
        devices.set(hello.id, { hello, sockets: new Set([socketId]), since: now(), address });
      }
      bySocket.set(socketId, hello.id);
    },
    /** Its sound changed; false when it is not a device or nothing changed. */
    status(socketId: string, status: DeviceStatus): boolean {
      const id = bySocket.get(socketId);
      const e = id === undefined ? undefined : devices.get(id);
      if (!e || e.hello.sound === status.sound) return false;
      e.hello = { ...e.hello, sound: status.sound };
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
      if (e.sockets.size === 0) e.since = now();
      return true;
    },
    list(): DeviceList {
      const t = now();
      for (const [id, e] of devices) if (e.sockets.size === 0 && t - e.since > forgetAfterMs) devices.delete(id);
      return { at: new Date(t).toISOString(), devices: [...devices.values()].map(view).sort(compareDevices) };
    },
  };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;

/**
 * 设备状态 (pure): the hall's screens by kind, and the problems a manager must act on — a wall that
 * is off or cannot be heard (citizens miss their calls), a window screen or a kiosk that is off.
 */
import type { Device, DeviceKind, DeviceList } from '../../../../shared/devices';
import { minutes, secondsSince } from '../../shared/time';

export const DEVICE_KINDS: readonly DeviceKind[] = ['wall', 'window', 'kiosk', 'guide', 'pad'];

export interface DeviceGroup {
  kind: DeviceKind;
  devices: Device[];
  online: number;
}

/** One group per kind that has devices, in the server's order inside. */
export function groupDevices(list: DeviceList | null): DeviceGroup[] {
  const all = list?.devices ?? [];
  return DEVICE_KINDS.map((kind) => {
    const devices = all.filter((d) => d.kind === kind);
    return { kind, devices, online: devices.filter((d) => d.online).length };
  }).filter((g) => g.devices.length > 0);
}

export type DeviceProblem = { device: Device; problem: 'offline' | 'silent' };

/**
 * What needs someone: every screen that is off, and a wall that is on but blocked from playing
 * sound. A wall muted on purpose (`?sound=off`) is no problem. Walls first (they speak the calls).
 */
export function deviceProblems(list: DeviceList | null): DeviceProblem[] {
  const out: DeviceProblem[] = [];
  for (const d of list?.devices ?? []) {
    if (!d.online) out.push({ device: d, problem: 'offline' });
    else if (d.kind === 'wall' && d.sound === 'blocked') out.push({ device: d, problem: 'silent' });
  }
  return out.sort((a, b) => DEVICE_KINDS.indexOf(a.device.kind) - DEVICE_KINDS.indexOf(b.device.kind));
}

/** Whole minutes since an ISO time (0 for the future: clocks differ a little). */
export const minutesSince = (iso: string, now: number): number => minutes(secondsSince(iso, now));

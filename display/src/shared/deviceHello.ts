/**
 * 设备状态: what a hall screen tells the server about itself when it connects (shared/devices.ts).
 * The id is made once per screen kind (and window) and kept in the browser's storage, so a reload
 * is the same device and a box showing the wall in one tab and a kiosk in another is two. Pure
 * but for the storage handed in.
 */
import type { DeviceHello, DeviceKind, DeviceSound } from '../../../shared/devices';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const VALID_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** 16 random base-36 characters. */
export function randomDeviceId(random: () => number = Math.random): string {
  let id = '';
  while (id.length < 16) id += Math.floor(random() * 36).toString(36);
  return id;
}

export function deviceHello(
  kind: DeviceKind,
  opts: { windowNo?: number | null; zone?: string | null; name?: string | null; sound?: DeviceSound; storage?: KeyValueStore | null; random?: () => number } = {},
): DeviceHello {
  const key = `hall.device.${kind}${opts.windowNo ? `.${opts.windowNo}` : ''}`;
  let id: string | null = null;
  try {
    id = opts.storage?.getItem(key) ?? null;
    if (id === null || !VALID_ID.test(id)) {
      id = `${kind}-${randomDeviceId(opts.random)}`;
      opts.storage?.setItem(key, id);
    }
  } catch {
    // Storage refused (a locked-down kiosk browser): a new id per load, still a device.
    id = `${kind}-${randomDeviceId(opts.random)}`;
  }
  const zone = opts.zone?.trim().slice(0, 40);
  const name = opts.name?.trim().slice(0, 40);
  return {
    id,
    kind,
    ...(opts.windowNo ? { windowNo: opts.windowNo } : {}),
    ...(zone ? { zone } : {}),
    ...(name ? { name } : {}),
    ...(opts.sound ? { sound: opts.sound } : {}),
  };
}

/** `?name=东门大屏`: what the hall calls this screen (设备状态 shows it). */
export const deviceNameIn = (search: string): string | null => new URLSearchParams(search).get('name');

/** The wall's sound as the server should know it. */
export const soundState = (enabled: boolean, blocked: boolean): DeviceSound => (!enabled ? 'off' : blocked ? 'blocked' : 'on');

/**
 * 设备状态: the hall's screens say who they are when they connect, so a manager sees which are
 * on and which went dark — a wall display that is off, or on but silent (its browser refused to
 * play sound until someone taps it), means citizens miss their calls.
 *
 * A display puts a `DeviceHello` in the Socket.IO handshake (`auth.device`) and sends
 * `device:status` when its sound changes; both are optional and a bad one is ignored (a display
 * is never refused for it). Phones are not devices: they say nothing.
 */
import { z } from 'zod';

/** `pad`: a window's 评价器 (it signs in as the kiosk device, and says so like the others). */
export const DeviceKind = z.enum(['wall', 'window', 'kiosk', 'guide', 'pad']);
/** `blocked`: the browser will not play until someone taps the screen (启用声音). */
export const DeviceSound = z.enum(['on', 'blocked', 'off']);

export const DeviceHello = z.object({
  /** Chosen by the device once and kept (its browser's storage), so a reload is the same device. */
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  kind: DeviceKind,
  /** A window screen's (or 评价器's) window. */
  windowNo: z.number().int().min(1).max(9999).optional(),
  /** A wall showing one zone only (`?zone=`). */
  zone: z.string().trim().min(1).max(40).optional(),
  /** What the hall calls this screen (`?name=东门大屏`), to tell like screens apart. */
  name: z.string().trim().min(1).max(40).optional(),
  sound: DeviceSound.optional(),
});

export const DeviceStatus = z.object({ sound: DeviceSound });

/** One device as the console shows it. */
export const Device = z.object({
  id: z.string(),
  kind: DeviceKind,
  windowNo: z.number().int().optional(),
  zone: z.string().optional(),
  name: z.string().optional(),
  sound: DeviceSound.optional(),
  online: z.boolean(),
  /** Online: connected since; offline: gone since (ISO). */
  since: z.string(),
  /** Where it connects from (the address the server sees). */
  address: z.string(),
});

/** `GET /api/devices`, socket `devices:list`, and the managers' push `devices:changed`. */
export const DeviceList = z.object({ at: z.string(), devices: z.array(Device) });

export type DeviceKind = z.infer<typeof DeviceKind>;
export type DeviceSound = z.infer<typeof DeviceSound>;
export type DeviceHello = z.infer<typeof DeviceHello>;
export type DeviceStatus = z.infer<typeof DeviceStatus>;
export type Device = z.infer<typeof Device>;
export type DeviceList = z.infer<typeof DeviceList>;

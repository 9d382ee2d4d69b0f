/**
 * 设备状态 on the screens (display/src/shared/deviceHello.ts): a screen keeps its id across loads,
 * one per kind and window, valid for the server's check; storage refused still gives a device;
 * the wall's sound as the server should know it.
 */
import { describe, expect, it } from 'vitest';
import { DeviceHello } from '../../shared/devices';
import { deviceHello, deviceNameIn, randomDeviceId, soundState } from '../../display/src/shared/deviceHello';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('deviceHello', () => {
  it('keeps one id per kind (and window) across loads, and the server accepts it', () => {
    const storage = memory();
    const a = deviceHello('window', { windowNo: 3, storage });
    expect(deviceHello('window', { windowNo: 3, storage }).id).toBe(a.id);
    expect(deviceHello('window', { windowNo: 4, storage }).id).not.toBe(a.id);
    expect(deviceHello('wall', { storage }).id).not.toBe(a.id);
    expect(a).toEqual({ id: expect.stringMatching(/^window-[0-9a-z]{16}$/), kind: 'window', windowNo: 3 });
    expect(DeviceHello.safeParse(a).success).toBe(true);
  });

  it('replaces a stored id the server would refuse; works without storage or when it throws', () => {
    const storage = memory();
    storage.m.set('hall.device.kiosk', 'bad id!');
    expect(deviceHello('kiosk', { storage }).id).toMatch(/^kiosk-/);
    expect(DeviceHello.safeParse(deviceHello('kiosk', { storage: null })).success).toBe(true);
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined };
    expect(DeviceHello.safeParse(deviceHello('guide', { storage: refusing })).success).toBe(true);
  });

  it('a zone wall says its zone (trimmed, at most 40 characters) and its sound', () => {
    const h = deviceHello('wall', { zone: '  公积金专区 ', sound: 'on', storage: null });
    expect([h.zone, h.sound]).toEqual(['公积金专区', 'on']);
    expect(deviceHello('wall', { zone: 'x'.repeat(60), storage: null }).zone).toHaveLength(40);
    expect(deviceHello('wall', { zone: '   ', storage: null })).not.toHaveProperty('zone');
  });

  it('a name from the address (?name=), trimmed to 40 characters; none when empty', () => {
    expect(deviceNameIn('?zone=A&name=%E4%B8%9C%E9%97%A8%E5%A4%A7%E5%B1%8F')).toBe('东门大屏');
    expect(deviceHello('wall', { name: deviceNameIn('?name=东门大屏'), storage: null }).name).toBe('东门大屏');
    expect(deviceHello('kiosk', { name: ` ${'名'.repeat(50)} `, storage: null }).name).toHaveLength(40);
    expect(deviceHello('kiosk', { name: deviceNameIn('?name='), storage: null })).not.toHaveProperty('name');
    expect(deviceNameIn('')).toBeNull();
  });

  it('random ids are 16 base-36 characters', () => {
    expect(randomDeviceId(() => 0.5)).toBe('i'.repeat(16));
    expect(randomDeviceId()).toMatch(/^[0-9a-z]{16}$/);
  });

  it.each([
    [true, false, 'on'],
    [true, true, 'blocked'],
    [false, false, 'off'],
    [false, true, 'off'],
  ] as const)('sound enabled %s, blocked %s: %s', (enabled, blocked, expected) => {
    expect(soundState(enabled, blocked)).toBe(expected);
  });
});

/**
 * 设备状态 in the console (counter/src/admin/logic/devices.ts), pure: groups by kind in a fixed
 * order, and the problems a manager must act on — screens that are off, walls that cannot be
 * heard (a wall muted on purpose is none), walls first.
 */
import { describe, expect, it } from 'vitest';
import type { Device, DeviceList } from '../../shared/devices';
import { deviceProblems, groupDevices, minutesSince } from '../../counter/src/admin/logic/devices';

const dev = (id: string, kind: Device['kind'], online: boolean, extra: Partial<Device> = {}): Device => ({
  id,
  kind,
  online,
  since: '2026-11-30T01:00:00.000Z',
  address: '10.0.0.2',
  ...extra,
});
const list = (...devices: Device[]): DeviceList => ({ at: '2026-11-30T01:30:00.000Z', devices });

describe('groupDevices', () => {
  it('one group per kind present, walls, window screens, kiosks, guide desks, 评价器, with how many are online', () => {
    const l = list(dev('p3', 'pad', false, { windowNo: 3 }), dev('k1', 'kiosk', true), dev('w1', 'wall', true), dev('s3', 'window', false, { windowNo: 3 }), dev('s4', 'window', true, { windowNo: 4 }));
    expect(groupDevices(l).map((g) => [g.kind, g.devices.map((d) => d.id), g.online])).toEqual([
      ['wall', ['w1'], 1],
      ['window', ['s3', 's4'], 1],
      ['kiosk', ['k1'], 1],
      ['pad', ['p3'], 0],
    ]);
    expect(groupDevices(null)).toEqual([]);
  });
});

describe('deviceProblems', () => {
  it.each([
    ['all fine', [dev('w1', 'wall', true, { sound: 'on' }), dev('k1', 'kiosk', true)], []],
    ['a wall muted on purpose', [dev('w1', 'wall', true, { sound: 'off' })], []],
    ['a wall that cannot play', [dev('w1', 'wall', true, { sound: 'blocked' })], [['w1', 'silent']]],
    ['an offline wall is offline, whatever its sound was', [dev('w1', 'wall', false, { sound: 'blocked' })], [['w1', 'offline']]],
    ['walls first', [dev('k1', 'kiosk', false), dev('s3', 'window', false, { windowNo: 3 }), dev('w1', 'wall', true, { sound: 'blocked' })], [['w1', 'silent'], ['s3', 'offline'], ['k1', 'offline']]],
  ] as const)('%s', (_, devices, expected) => {
    expect(deviceProblems(list(...devices)).map((p) => [p.device.id, p.problem])).toEqual(expected);
  });

  it('minutes since: whole minutes, never negative', () => {
    const t = Date.parse('2026-11-30T01:00:00.000Z');
    expect(minutesSince('2026-11-30T01:00:00.000Z', t + 59_999)).toBe(0);
    expect(minutesSince('2026-11-30T01:00:00.000Z', t + 60_000)).toBe(1);
    expect(minutesSince('2026-11-30T01:00:00.000Z', t - 5_000)).toBe(0);
  });
});

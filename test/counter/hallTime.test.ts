import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  hallClock,
  hallClockSeconds,
  hallDateTime,
  hallDayTime,
  hallDayTimeSeconds,
  hallTime,
  type HallFormat,
} from '../../counter/src/shared/hallTime';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

// Fixed instants: a morning, a time just after midnight in Shanghai (h23: 00:05, never 24:05), and
// one that is New Year in Shanghai but still the old year in New York (the date moves with the zone).
const MORNING = '2024-05-02T01:05:07Z';
const AFTER_MIDNIGHT = '2024-05-01T16:05:09Z';
const NEW_YEAR = '2024-12-31T16:30:00Z';

const formatters: Record<string, (tz: string | undefined) => HallFormat> = {
  hallClock,
  hallClockSeconds,
  hallDayTime,
  hallDayTimeSeconds,
  hallDateTime,
};

describe('hall times', () => {
  it.each([
    ['hallClock', SHANGHAI, MORNING, '09:05'],
    ['hallClock', SHANGHAI, AFTER_MIDNIGHT, '00:05'],
    ['hallClock', NEW_YORK, MORNING, '21:05'],
    ['hallClock', NEW_YORK, NEW_YEAR, '11:30'],
    ['hallClockSeconds', SHANGHAI, MORNING, '09:05:07'],
    ['hallClockSeconds', SHANGHAI, AFTER_MIDNIGHT, '00:05:09'],
    ['hallClockSeconds', NEW_YORK, AFTER_MIDNIGHT, '12:05:09'],
    ['hallDayTime', SHANGHAI, MORNING, '05/02 09:05'],
    ['hallDayTime', SHANGHAI, AFTER_MIDNIGHT, '05/02 00:05'],
    ['hallDayTime', NEW_YORK, MORNING, '05/01 21:05'],
    ['hallDayTime', NEW_YORK, NEW_YEAR, '12/31 11:30'],
    ['hallDayTimeSeconds', SHANGHAI, AFTER_MIDNIGHT, '05/02 00:05:09'],
    ['hallDayTimeSeconds', NEW_YORK, AFTER_MIDNIGHT, '05/01 12:05:09'],
    ['hallDateTime', SHANGHAI, MORNING, '2024/05/02 09:05'],
    ['hallDateTime', SHANGHAI, NEW_YEAR, '2025/01/01 00:30'],
    ['hallDateTime', NEW_YORK, NEW_YEAR, '2024/12/31 11:30'],
  ])('%s in %s at %s reads %s', (name, tz, at, out) => {
    expect(formatters[name]?.(tz)(at)).toBe(out);
  });

  it('takes an instant as ISO text, epoch ms or a Date alike', () => {
    const f = hallDayTimeSeconds(SHANGHAI);
    expect(f(Date.parse(MORNING))).toBe('05/02 09:05:07');
    expect(f(new Date(MORNING))).toBe('05/02 09:05:07');
  });

  it('reads as the console always did: zh-CN digits, hour12 false', () => {
    const old = new Intl.DateTimeFormat('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: SHANGHAI });
    for (const at of [MORNING, AFTER_MIDNIGHT, NEW_YEAR]) expect(hallDayTime(SHANGHAI)(at)).toBe(old.format(new Date(at)));
  });
});

describe('a hall zone not known yet', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it.each([
    ['Pacific/Auckland', '2024/05/02 13:05'],
    ['UTC', '2024/05/02 01:05'],
  ])('formats in the PC’s own zone (%s), as Intl does, and follows it', (pc, out) => {
    process.env.TZ = pc;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(pc);
    expect(hallDateTime(undefined)(MORNING)).toBe(out);
    expect(hallClock(undefined)(MORNING)).toBe(out.slice(-5));
  });
});

describe('formatter cache', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds one Intl formatter per kind and zone', () => {
    const Real = Intl.DateTimeFormat;
    const built = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Real>) {
      return new Real(...args);
    });
    for (let i = 0; i < 50; i++) hallTime('clock', 'Asia/Tokyo')(MORNING);
    expect(built).toHaveBeenCalledTimes(1);
    hallTime('dayTime', 'Asia/Tokyo')(MORNING);
    hallTime('clock', 'Europe/Berlin')(MORNING);
    expect(built).toHaveBeenCalledTimes(3);
    expect(hallClock('Asia/Tokyo')(MORNING)).toBe('10:05');
    expect(built).toHaveBeenCalledTimes(3);
  });
});

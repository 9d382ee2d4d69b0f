/** The 取号时间 rows of the 大厅设置 page (counter/src/admin/logic/ticketHours.ts): the browser refuses what the schema refuses. */
import { describe, expect, it } from 'vitest';
import { TicketHours } from '../../shared/schemas';
import { hoursValid, nextHours, tidyHours, validateHours } from '../../counter/src/admin/logic/ticketHours';

const r = (start: string, end: string) => ({ start, end });

describe('取号时间 rows', () => {
  it.each([
    [[], undefined],
    [[r('08:30', '12:00')], undefined],
    [[r('08:30', '12:00'), r('13:30', '17:00')], undefined],
    [[r('08:30', '12:00'), r('12:00', '17:00')], undefined], // touching is apart enough
    [[r('', '12:00')], 'hours.err.required'],
    [[r('8:30', '12:00')], 'hours.err.time'],
    [[r('24:00', '12:00')], 'hours.err.time'],
    [[r('12:00', '08:30')], 'hours.err.order'],
    [[r('12:00', '12:00')], 'hours.err.order'],
    [[r('08:30', '12:00'), r('11:00', '17:00')], 'hours.err.overlap'],
    [[r('13:30', '17:00'), r('08:30', '12:00')], 'hours.err.overlap'], // out of order
  ])('%j → %s, as the schema', (rows, error) => {
    const e = validateHours(rows);
    expect(e.rows.find((x) => x !== undefined)).toBe(error);
    expect(hoursValid(e)).toBe(error === undefined);
    expect(TicketHours.safeParse(rows).success).toBe(error === undefined);
  });

  it('seven spans are too many, for both', () => {
    const rows = Array.from({ length: 7 }, (_, i) => r(`${String(8 + i).padStart(2, '0')}:00`, `${String(8 + i).padStart(2, '0')}:30`));
    expect(validateHours(rows).list).toEqual({ key: 'hours.err.count', params: { max: 6 } });
    expect(TicketHours.safeParse(rows).success).toBe(false);
    expect(TicketHours.safeParse(rows.slice(0, 6)).success).toBe(true);
  });

  it('tidies what is typed and suggests the next span', () => {
    expect(tidyHours([r('8:30', '12：00'), r(' 1330', '1700 ')])).toEqual([r('08:30', '12:00'), r('13:30', '17:00')]);
    expect(nextHours([])).toEqual(r('08:30', '12:00'));
    expect(nextHours([r('08:30', '12:00')])).toEqual(r('12:00', '13:00'));
  });
});

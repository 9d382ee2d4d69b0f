import { describe, expect, it } from 'vitest';
import { words } from '../../display/src/shared/i18n';
import { wallTicketing, wallTicketingStatus } from '../../display/src/wall/ticketing';

const TWO = [
  { start: '13:30', end: '17:00' },
  { start: '08:30', end: '12:00' },
];
const at = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('wallTicketing (取号时间 on the wall)', () => {
  it('says nothing in a hall that issues numbers all day', () => {
    expect(wallTicketing([], at('03:00'))).toBeNull();
  });

  it.each([
    ['07:59', { kind: 'before', at: '08:30' }],
    ['08:30', { kind: 'open' }],
    ['11:59', { kind: 'open' }],
    ['12:00', { kind: 'paused', at: '13:30' }],
    ['13:29', { kind: 'paused', at: '13:30' }],
    ['13:30', { kind: 'open' }],
    ['17:00', { kind: 'ended' }],
    ['23:59', { kind: 'ended' }],
    ['00:00', { kind: 'before', at: '08:30' }],
  ])('at %s: %o (spans given out of order, start in, end out)', (time, expected) => {
    expect(wallTicketing(TWO, at(time))).toEqual({ ...expected, hours: '08:30–12:00  13:30–17:00' });
  });

  it('words the status in both languages, nothing while numbers are issued', () => {
    const paused = wallTicketing(TWO, at('12:10'))!;
    expect(wallTicketingStatus(words.zh, paused)).toBe('暂停取号，13:30 恢复');
    expect(wallTicketingStatus(words.en, paused)).toBe('Numbers paused until 13:30');
    expect(wallTicketingStatus(words.zh, wallTicketing(TWO, at('18:00'))!)).toBe('今日取号已结束');
    expect(wallTicketingStatus(words.en, wallTicketing(TWO, at('18:00'))!)).toBe('No more numbers today');
    expect(wallTicketingStatus(words.zh, wallTicketing(TWO, at('07:00'))!)).toBe('08:30 开始取号');
    expect(wallTicketingStatus(words.zh, wallTicketing(TWO, at('09:00'))!)).toBeNull();
  });
});

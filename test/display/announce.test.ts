/** 语音广播 on the wall: which walls speak it (zones) and how long its banner stays up. */
import { describe, expect, it } from 'vitest';
import type { Announce } from '../../shared/announce';
import { AnnounceBanner, BANNER_LINGER_MS, bannerMs } from '../../display/src/shared/announceBanner';
import { fixtureSnapshot } from '../../display/src/shared/fixtureHall';
import { announceMatches, NO_FILTER, parseFilter } from '../../display/src/shared/hallFilter';
import { fromSnapshot } from '../../display/src/shared/hallState';

const state = fromSnapshot(fixtureSnapshot({ open: 30 }));
const zone = (z: string) => `?zone=${encodeURIComponent(z)}`;

const announce = (id: string, text = '请携带好身份证原件'): Announce => ({ id, text, lang: 'zh', at: '2026-11-30T01:00:00.000Z', audioUrl: `/n/${id}.wav` });

describe('announceMatches', () => {
  it.each([
    ['a whole-hall announcement on a whole-hall wall', '', undefined, true],
    ['a whole-hall announcement on a zone wall', zone('公积金专区'), undefined, true],
    ['a zone announcement on a whole-hall wall', '', '公积金专区', true],
    ['a zone announcement on that zone’s wall', zone('公积金专区'), '公积金专区', true],
    ['a zone announcement on a wall of two zones', `?zone=${encodeURIComponent('税务专区,公积金专区')}`, '公积金专区', true],
    ['a zone announcement on another zone’s wall', zone('税务专区'), '公积金专区', false],
    ['a zone announcement on a queue wall with a window there', '?queues=J', '公积金专区', true],
    ['a zone announcement on a queue wall with no window there', '?queues=T', '公积金专区', false],
  ])('%s', (_name, search, z, expected) => {
    expect(announceMatches(state, parseFilter(search), z === undefined ? {} : { zone: z })).toBe(expected);
  });

  it('a queue wall without its hall yet stays quiet for zone announcements only', () => {
    expect(announceMatches(null, parseFilter('?queues=J'), { zone: '公积金专区' })).toBe(false);
    expect(announceMatches(null, parseFilter('?queues=J'), {})).toBe(true);
    expect(announceMatches(null, NO_FILTER, { zone: '公积金专区' })).toBe(true);
  });
});

describe('AnnounceBanner', () => {
  it('lasts about as long as the text takes to say, within bounds', () => {
    expect(bannerMs('请注意')).toBe(12_000);
    const long = bannerMs('午间12:00至13:30部分窗口暂停服务，请耐心等候。'.repeat(4));
    expect(long).toBeGreaterThan(30_000);
    expect(bannerMs('很'.repeat(300))).toBe(120_000);
  });

  it('shows an announcement from its arrival for its time, then nothing', () => {
    const b = new AnnounceBanner();
    b.arrive(announce('n1'), 0);
    expect(b.current(1000)?.id).toBe('n1');
    expect(b.nextChange(1000)).toBe(12_000);
    expect(b.current(12_000)).toBeNull();
    expect(b.nextChange(12_000)).toBeNull();
  });

  it('stays up while it waits and is spoken, and a moment after', () => {
    const b = new AnnounceBanner();
    b.arrive(announce('n1'), 0);
    b.speaking(announce('n1'), 11_000); // it waited behind calls
    expect(b.current(60_000)?.id).toBe('n1');
    expect(b.nextChange(60_000)).toBeNull(); // only its end changes anything
    b.speaking(null, 60_000);
    expect(b.current(60_000 + BANNER_LINGER_MS - 1)?.id).toBe('n1');
    expect(b.current(60_000 + BANNER_LINGER_MS)).toBeNull();
  });

  it('shows the one being spoken over a newer one, else the newest', () => {
    const b = new AnnounceBanner();
    b.arrive(announce('n1'), 0);
    b.arrive(announce('n2'), 100);
    expect(b.current(200)?.id).toBe('n2');
    b.speaking(announce('n1'), 300);
    expect(b.current(400)?.id).toBe('n1');
    b.speaking(null, 5_000);
    expect(b.current(5_100)?.id).toBe('n2');
  });
});

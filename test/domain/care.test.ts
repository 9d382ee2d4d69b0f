/** 关怀提醒's rule (server/domain/care.ts), pure: which clerks show, with what, settled or not, in what order. */
import { describe, expect, it } from 'vitest';
import { careList, type CareInput, type CareMarkRec } from '../../server/domain';

const T = Date.parse('2026-11-30T01:00:00Z'); // 09:00 in Shanghai
const MIN = 60_000;
const at = (m: number) => T + m * MIN;
const iso = (m: number) => new Date(at(m)).toISOString();

const people: Record<string, { username: string; name: string }> = {
  c1: { username: 'c01', name: '张敏' },
  c2: { username: 'c02', name: '李强' },
  c3: { username: 'c03', name: '王芳' },
};

function input(over: Partial<CareInput>): CareInput {
  return { now: at(300), who: (id) => people[id], windows: [], conduct: [], complaints: [], marks: [], ...over };
}
const mark = (clerkId: string, m: number, note = ''): CareMarkRec => ({ clerkId, byId: 'm1', byName: '值班长', at: at(m), note });

describe('careList', () => {
  const cases: { name: string; input: Partial<CareInput>; want: { clerk: string; signals: string; settled: boolean; windowNo?: number }[] }[] = [
    { name: 'a calm day: nobody', input: {}, want: [] },
    {
      name: 'a 现场秩序求助 and two 差评 count per clerk; the window they are at goes with them',
      input: {
        conduct: [{ clerkId: 'c1', at: at(30) }],
        complaints: [
          { clerkId: 'c1', at: at(40) },
          { clerkId: 'c1', at: at(90) },
        ],
        windows: [{ no: 9, clerkId: 'c1', workingSince: at(200) }],
      },
      want: [{ clerk: 'c01', signals: 'conduct×1@30 complaint×2@90', settled: false, windowNo: 9 }],
    },
    {
      name: 'two hours without a pause is a stretch; just under is not',
      input: {
        windows: [
          { no: 9, clerkId: 'c1', workingSince: at(180) },
          { no: 10, clerkId: 'c2', workingSince: at(181) },
        ],
      },
      want: [{ clerk: 'c01', signals: 'stretch×1@300 (120 min)', settled: false, windowNo: 9 }],
    },
    {
      name: 'a paused window is no stretch (the break is on)',
      input: { windows: [{ no: 9, clerkId: 'c1', workingSince: at(0), pauseReason: 'break' }] },
      want: [],
    },
    {
      name: 'a stretch comes back every two hours: its time is the latest crossing',
      input: { windows: [{ no: 9, clerkId: 'c1', workingSince: at(0) }] },
      want: [{ clerk: 'c01', signals: 'stretch×1@240 (300 min)', settled: false, windowNo: 9 }],
    },
    {
      name: 'settled by a mark after the latest signal; a new 差评 after the mark brings it back',
      input: {
        complaints: [
          { clerkId: 'c1', at: at(40) },
          { clerkId: 'c2', at: at(40) },
          { clerkId: 'c2', at: at(120) },
        ],
        marks: [mark('c1', 60), mark('c2', 60)],
      },
      want: [
        { clerk: 'c02', signals: 'complaint×2@120', settled: false },
        { clerk: 'c01', signals: 'complaint×1@40', settled: true },
      ],
    },
    {
      name: 'unsettled first, then the newest signal first',
      input: {
        complaints: [
          { clerkId: 'c1', at: at(10) },
          { clerkId: 'c2', at: at(50) },
          { clerkId: 'c3', at: at(100) },
        ],
        marks: [mark('c3', 110)],
      },
      want: [
        { clerk: 'c02', signals: 'complaint×1@50', settled: false },
        { clerk: 'c01', signals: 'complaint×1@10', settled: false },
        { clerk: 'c03', signals: 'complaint×1@100', settled: true },
      ],
    },
    {
      name: 'someone the hall does not know is left out',
      input: { complaints: [{ clerkId: 'gone', at: at(10) }] },
      want: [],
    },
  ];

  it.each(cases)('$name', ({ input: over, want }) => {
    const got = careList(input(over)).map((i) => {
      const row: { clerk: string; signals: string; settled: boolean; windowNo?: number } = {
        clerk: i.clerk.username,
        signals: i.signals
          .map((s) => `${s.kind}×${s.count}@${(Date.parse(s.lastAt) - T) / MIN}${s.minutes !== undefined ? ` (${s.minutes} min)` : ''}`)
          .join(' '),
        settled: i.settled,
      };
      if (i.windowNo !== undefined) row.windowNo = i.windowNo;
      return row;
    });
    expect(got).toEqual(want);
  });

  it('the last mark of the day is shown, with who and what they said', () => {
    const [item] = careList(input({ conduct: [{ clerkId: 'c1', at: at(30) }], marks: [mark('c1', 40, '先谈过'), mark('c1', 50, '安排休息 15 分钟')] }));
    expect(item?.cared).toEqual({ clerkId: 'c1', by: { id: 'm1', name: '值班长' }, at: iso(50), note: '安排休息 15 分钟' });
    expect(item?.settled).toBe(true);
  });
});

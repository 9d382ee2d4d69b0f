/** 转办交接 on the panel's side: what the transfer dialog hands over from the clerk's ticks (pure). */
import { describe, expect, it } from 'vitest';
import { emptyChecklist, handoverChecklist, toggleMaterial, type Checklist } from '../../counter/src/clerk/logic/checklist';
import type { GuideChecklist, Matter } from '../../shared/schemas';

const matter = (id: string, materials: string[]): Matter => ({ id, queue: 'A', name: id, nameEn: id, materials, timeLimitMinutes: 20 });
const A1 = matter('A-01', ['公司章程', '股东身份证明', '住所使用证明']);
const A2 = matter('A-02', ['营业执照']);

const ticks = (...pairs: [string, string][]): Checklist => pairs.reduce((l, [m, x]) => toggleMaterial(l, m, x), emptyChecklist('t1'));

describe('handoverChecklist', () => {
  const cases: { name: string; list: Checklist; matters: Matter[]; want: GuideChecklist }[] = [
    { name: 'nothing touched: nothing handed (the guide’s check stays on the ticket)', list: emptyChecklist('t1'), matters: [A1, A2], want: [] },
    {
      name: 'ticks, in the catalogue’s order',
      list: ticks(['A-01', '住所使用证明'], ['A-01', '公司章程']),
      matters: [A1, A2],
      want: [{ matter: 'A-01', have: ['公司章程', '住所使用证明'] }],
    },
    { name: 'ticked then unticked: handed as checked with nothing there', list: ticks(['A-01', '公司章程'], ['A-01', '公司章程']), matters: [A1], want: [{ matter: 'A-01', have: [] }] },
    {
      name: 'matters in the ticket’s order',
      list: ticks(['A-02', '营业执照'], ['A-01', '公司章程']),
      matters: [A1, A2],
      want: [
        { matter: 'A-01', have: ['公司章程'] },
        { matter: 'A-02', have: ['营业执照'] },
      ],
    },
    { name: 'a matter no longer on the ticket is left out', list: ticks(['A-02', '营业执照']), matters: [A1], want: [] },
    { name: 'a tick the catalogue no longer lists is left out', list: ticks(['A-01', '旧表格'], ['A-01', '公司章程']), matters: [A1], want: [{ matter: 'A-01', have: ['公司章程'] }] },
  ];
  it.each(cases)('$name', ({ list, matters, want }) => {
    expect(handoverChecklist(list, matters)).toEqual(want);
  });
});

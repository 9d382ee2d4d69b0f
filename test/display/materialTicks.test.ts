/** 等候时核对材料's ticks on the phone (display/src/ticket/materialTicks.ts), pure over a fake storage. */
import { describe, expect, it } from 'vitest';
import { loadTicks, saveTicks, stillMissing, toggleTick } from '../../display/src/ticket/materialTicks';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const A1 = { id: 'A-01', materials: ['公司章程', '股东身份证明', '住所使用证明'] };
const A2 = { id: 'A-02', materials: ['营业执照'] };

describe('material ticks', () => {
  it('toggle on and off, per matter', () => {
    let t = toggleTick({}, 'A-01', '公司章程');
    t = toggleTick(t, 'A-02', '营业执照');
    expect(t).toEqual({ 'A-01': ['公司章程'], 'A-02': ['营业执照'] });
    expect(toggleTick(t, 'A-01', '公司章程')).toEqual({ 'A-01': [], 'A-02': ['营业执照'] });
  });

  it.each([
    [{}, 4],
    [{ 'A-01': ['公司章程'] }, 3],
    [{ 'A-01': ['公司章程', '股东身份证明', '住所使用证明'], 'A-02': ['营业执照'] }, 0],
    // A tick of a material the catalogue no longer lists counts for nothing.
    [{ 'A-01': ['旧表格'] }, 4],
  ])('%j leaves %i missing', (ticks, n) => {
    expect(stillMissing(ticks, [A1, A2])).toBe(n);
  });

  it('saved per ticket, the newest five kept; garbage in storage reads as nothing', () => {
    const s = memory();
    for (let i = 1; i <= 6; i++) saveTicks(s, `t${i}`, { 'A-01': [`m${i}`] });
    expect(loadTicks(s, 't6')).toEqual({ 'A-01': ['m6'] });
    expect(loadTicks(s, 't2')).toEqual({ 'A-01': ['m2'] });
    expect(loadTicks(s, 't1')).toEqual({});
    saveTicks(s, 't2', { 'A-01': ['x'] });
    expect(loadTicks(s, 't2')).toEqual({ 'A-01': ['x'] });
    for (const raw of ['{', '"str"', '[1,null,{"ticketId":"t9","ticks":{"A-01":[1,"ok"]}}]']) {
      const g = memory({ 'hall.citizen.materials': raw });
      expect(() => loadTicks(g, 't9')).not.toThrow();
    }
    expect(loadTicks(memory({ 'hall.citizen.materials': '[{"ticketId":"t9","ticks":{"A-01":[1,"ok"]}}]' }), 't9')).toEqual({ 'A-01': ['ok'] });
  });

  it('a storage that refuses to write loses the ticks quietly', () => {
    const s = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(() => saveTicks(s, 't1', {})).not.toThrow();
  });
});

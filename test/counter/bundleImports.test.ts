/**
 * The clerk panel loads no zod: the server validates every command, and the panel only offers
 * values within the limits (容缺受理's days and lengths, the 转办说明's length, a phone's pattern),
 * which it takes from the zod-free files of shared/ (deferralRules.ts, handoverLimits.ts,
 * mobileNumber.ts, calendar.ts). zod was ~93 kB raw of the panel's start (bench/bundle-size.ts
 * --dir dist/counter). The manager console still validates with it and is not checked here.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainTo, importGraph } from '../display/importGraph';

const root = resolve(import.meta.dirname, '../..');

describe('the clerk panel loads no zod', () => {
  it('counter/src/clerk/main.ts', () => {
    const graph = importGraph(resolve(root, 'counter/src/clerk/main.ts'));
    expect(graph.modules.has('vue')).toBe(true);
    expect(graph.modules.has(resolve(root, 'counter/src/clerk/logic/deferral.ts'))).toBe(true);
    const zod = [...graph.modules].filter((m) => m === 'zod' || m.startsWith('zod/'));
    expect(zod.map((z) => chainTo(graph, z, root).join(' → '))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { adminEn, adminZh } from '../../counter/src/admin/text';
import { clerkEn, clerkZh } from '../../counter/src/clerk/text';
import { commonEn, commonZh } from '../../counter/src/shared/commonText';

/** Latin words a Chinese screen may show: key caps and examples of ticket numbers. */
const ALLOWED = new Set(['PIN', 'A012', 'A–Z']);

const latinWords = (text: string): string[] =>
  (text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9–]+/g) ?? []).filter((w) => !ALLOWED.has(w));

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe.each([
  ['common', commonZh, commonEn],
  ['clerk', clerkZh, clerkEn],
  ['admin', adminZh, adminEn],
] as const)('%s words', (_name, zh, en) => {
  it('leave no English in the Chinese view', () => {
    const offenders = Object.entries(zh).filter(([, v]) => latinWords(v).length > 0);
    expect(offenders).toEqual([]);
  });
  it('use the same placeholders in both languages', () => {
    for (const [key, v] of Object.entries(zh)) {
      expect([key, placeholders((en as Record<string, string>)[key] ?? '')]).toEqual([key, placeholders(v)]);
    }
  });
});

describe('staff English', () => {
  /** The clerk panel's own name, and an example of a notice the public screens show (citizens read "counter"). */
  const COUNTER_ALLOWED = new Set(['app.title', 'login.title', 'announce.placeholder']);
  it('calls a window a window, as the panel and the console do everywhere ("Window 3")', () => {
    const offenders = Object.entries({ ...commonEn, ...clerkEn, ...adminEn }).filter(([k, v]) => !COUNTER_ALLOWED.has(k) && /\bcounters?\b/i.test(v));
    expect(offenders).toEqual([]);
  });
});

/**
 * 场内扫码取号 in the kiosk app, pure parts: the kiosk's QR follows the minute (fetched again as each
 * runs out, cleared when refused or switched off, retried after a failure), the phone keeps the
 * code it came with, and a refusal's reason becomes the words the phone shows.
 */
import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import type { OnsiteCode } from '../../shared/mobile';
import type { ApiError } from '../../shared/errors';
import type { ApiResult } from '../../display/src/kiosk/kioskApi';
import { createOnsiteQr, RETRY_MS, scannedCode } from '../../display/src/kiosk/onsite';
import { onsiteIssueError, onsiteWords } from '../../display/src/kiosk/onsiteText';

const code = (n: number, rotatesInSeconds = 60): OnsiteCode => ({
  code: `${n.toString(36)}-0123456789`,
  url: `http://hall/m?c=${n.toString(36)}-0123456789`,
  rotatesInSeconds,
  validSeconds: 660,
});
const flush = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await nextTick();
};

function harness(answers: ApiResult<OnsiteCode>[]) {
  const key = ref<string | null>(null);
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  let calls = 0;
  const qr = createOnsiteQr({
    key,
    fetch: async () => answers[Math.min(calls++, answers.length - 1)]!,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
  });
  return { key, qr, timers, calls: () => calls };
}

describe('the kiosk’s QR', () => {
  it('is fetched afresh when the kiosk signs in (the key changes)', async () => {
    const refused: ApiResult<OnsiteCode> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'sign in' }, offline: false };
    const h = harness([refused, { ok: true, data: code(5) }]);
    h.key.value = 'on:';
    await flush();
    expect(h.qr.value).toBeNull();
    const retry = h.timers.at(-1)!;
    h.key.value = 'on:token';
    await flush();
    expect(retry.cleared).toBe(true);
    expect(h.qr.value?.code).toBe(code(5).code);
  });

  it('is fetched only while on, and again just after each minute', async () => {
    const h = harness([{ ok: true, data: code(1, 42) }, { ok: true, data: code(2) }]);
    await flush();
    expect(h.calls()).toBe(0);
    expect(h.qr.value).toBeNull();
    h.key.value = 'on:';
    await flush();
    expect(h.qr.value?.code).toBe(code(1).code);
    expect(h.timers.at(-1)!.ms).toBe(42_500);
    h.timers.at(-1)!.fn();
    await flush();
    expect(h.qr.value?.code).toBe(code(2).code);
    expect(h.timers.at(-1)!.ms).toBe(60_500);
  });

  it('is cleared when refused and tried again later; switched off, it goes and stops', async () => {
    const refused: ApiResult<OnsiteCode> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'sign in' }, offline: false };
    const h = harness([{ ok: true, data: code(1) }, refused, { ok: true, data: code(3) }]);
    h.key.value = 'on:';
    await flush();
    h.timers.at(-1)!.fn();
    await flush();
    expect(h.qr.value).toBeNull();
    expect(h.timers.at(-1)!.ms).toBe(RETRY_MS);
    h.timers.at(-1)!.fn();
    await flush();
    expect(h.qr.value?.code).toBe(code(3).code);
    const pending = h.timers.at(-1)!;
    h.key.value = null;
    await flush();
    expect(h.qr.value).toBeNull();
    expect(pending.cleared).toBe(true);
  });
});

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
}

describe('the phone’s scanned code', () => {
  const good = 't4ky3s-3fa9c0d1e2';
  it.each([
    ['from the address', `?mode=mobile&c=${good}`, null, good],
    ['none scanned', '?mode=mobile', null, null],
    ['kept from before a reload', '?mode=mobile', good, good],
    ['a newer scan replaces the kept one', '?mode=mobile&c=t4ky3t-0000000000', good, 't4ky3t-0000000000'],
    ['a malformed one is ignored', '?mode=mobile&c=<b>', null, null],
  ])('%s', (_what, search, kept, want) => {
    const st = new MemoryStorage();
    if (kept) st.setItem('hall.mobile.onsite', kept);
    expect(scannedCode(search, st)).toBe(want);
    if (want) expect(scannedCode('?mode=mobile', st)).toBe(want);
  });
  it('works without storage', () => {
    expect(scannedCode(`?c=${good}`, null)).toBe(good);
    expect(scannedCode('', null)).toBeNull();
  });
});

describe('what a refused phone is told', () => {
  const e = (reason?: ApiError['reason']): ApiError => ({ code: 'UNAUTHORIZED', message: 'x', ...(reason ? { reason } : {}) });
  it.each([
    ['onsite_code_invalid', onsiteWords.zh.invalid],
    ['onsite_code_expired', onsiteWords.zh.expired],
    [undefined, null],
    ['phone_code_invalid', null],
  ] as const)('%s', (reason, want) => {
    expect(onsiteIssueError(e(reason), onsiteWords.zh)).toBe(want);
  });
  it('says it in English too', () => {
    expect(onsiteIssueError(e('onsite_code_expired'), onsiteWords.en)).toMatch(/expired/);
  });
});

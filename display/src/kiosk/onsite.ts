/**
 * 场内扫码取号 on the kiosk app's two sides. A kiosk in the hall shows the QR of the minute while
 * the hall asks phones for it (`mobileOnSite`), fetching the next one as each runs out; a phone
 * keeps the code it came with (`/m?c=…`, kept for the tab so a reload does not lose it) and sends
 * it with its ticket. The server decides; this only carries the code.
 */
import { shallowRef, watch, type ShallowRef, type WatchSource } from 'vue';
import type { OnsiteCode } from '../../../shared/mobile';
import { ONSITE_CODE_PATTERN } from '../../../shared/onsiteCodePattern';
import type { ApiResult } from './kioskApi';

/** After a failed fetch (offline, signed out), try again this much later. */
export const RETRY_MS = 30_000;
const SCANNED_KEY = 'hall.mobile.onsite';

export interface OnsiteQrOptions {
  /**
   * null: show no QR (the guide desk, a phone, a hall with `mobileOnSite` off). Otherwise a key
   * that changes when the answer may (the kiosk signing in): each change fetches afresh.
   */
  key: WatchSource<string | null>;
  fetch: () => Promise<ApiResult<OnsiteCode>>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The kiosk's QR: null while off, before the first answer, or when the server refuses (never a stale one past its minute). */
export function createOnsiteQr(o: OnsiteQrOptions): ShallowRef<OnsiteCode | null> {
  const qr = shallowRef<OnsiteCode | null>(null);
  const setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let run = 0;

  async function refresh(mine: number): Promise<void> {
    const r = await o.fetch();
    if (mine !== run) return;
    qr.value = r.ok ? r.data : null;
    // A little after the minute turns, so the server is surely on the new code.
    timer = setTimer(() => void refresh(mine), r.ok ? r.data.rotatesInSeconds * 1000 + 500 : RETRY_MS);
  }

  watch(
    o.key,
    (key) => {
      run++;
      if (timer !== null) clearTimer(timer);
      timer = null;
      qr.value = null;
      if (key !== null) void refresh(run);
    },
    { immediate: true },
  );
  return qr;
}

/** The code this phone scanned: from the address (then kept for the tab), else the one kept. */
export function scannedCode(search: string, storage: Storage | null): string | null {
  const c = new URLSearchParams(search).get('c');
  if (c !== null && ONSITE_CODE_PATTERN.test(c)) {
    storage?.setItem(SCANNED_KEY, c);
    return c;
  }
  const kept = storage?.getItem(SCANNED_KEY) ?? null;
  return kept !== null && ONSITE_CODE_PATTERN.test(kept) ? kept : null;
}

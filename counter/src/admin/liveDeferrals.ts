/**
 * Keeps a 容缺 view current while it is shown: asks on mount, on each `deferral:changed` push (a
 * record made, brought, withdrawn or texted its 补齐提醒, from any panel or console), whenever the
 * connection comes back (a push may have been missed), and every ten minutes — only for what no
 * event announces: the day turning, which makes records 逾期.
 */
import { onBeforeUnmount, onMounted, watch } from 'vue';
import type { DeferralChanged } from '../../../shared/deferral';
import type { Admin } from './adminStore';

const FALLBACK_MS = 10 * 60_000;

/** `onChange` (default: `load`) gets the push itself, for a view that can use it without asking. */
export function liveDeferrals(admin: Admin, load: () => Promise<void>, onChange: (c: DeferralChanged) => void = () => void load()): void {
  watch(
    () => admin.conn.status,
    (s) => {
      if (s === 'online') void load();
    },
  );
  watch(
    () => admin.conn.deferralChanged,
    (c) => {
      if (c) onChange(c);
    },
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    void load();
    timer = setInterval(() => void load(), FALLBACK_MS);
  });
  onBeforeUnmount(() => clearInterval(timer));
}

/**
 * Asks again every minute and whenever the connection comes back, while the component is shown:
 * for what the server does not push (the 容缺台账 and the board's 容缺 line).
 */
import { onBeforeUnmount, onMounted, watch } from 'vue';
import type { Admin } from './adminStore';

const MINUTE = 60_000;

export function everyMinute(admin: Admin, load: () => Promise<void>): void {
  watch(
    () => admin.conn.status,
    (s) => {
      if (s === 'online') void load();
    },
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    void load();
    timer = setInterval(() => void load(), MINUTE);
  });
  onBeforeUnmount(() => clearInterval(timer));
}

/**
 * The board's 排队预警 marks: when each queue was last texted to the duty managers today
 * (GET /api/sms/queue/alerts). Loaded when the console is ready and every 30 seconds while the
 * board is open — the server writes alerts on its own 30-second timer, so a push would not be
 * sooner by much.
 */
import { computed, onBeforeUnmount, shallowRef, watch } from 'vue';
import type { QueueAlertMarks } from '../../../shared/queueAlert';
import type { Admin } from './adminStore';
import { marksByQueue } from './logic/queueAlert';

const REFRESH_MS = 30_000;

export function useQueueAlertMarks(admin: Admin) {
  const data = shallowRef<QueueAlertMarks | null>(null);
  const ready = computed(() => admin.snapshot !== null);
  async function load(): Promise<void> {
    const r = await admin.api<QueueAlertMarks>('GET', '/api/sms/queue/alerts');
    if (r.ok) data.value = r.data;
  }
  watch(ready, (on) => on && void load(), { immediate: true });
  const timer = setInterval(() => ready.value && void load(), REFRESH_MS);
  onBeforeUnmount(() => clearInterval(timer));
  return computed(() => marksByQueue(data.value, admin.snapshot?.hall.serviceDay));
}

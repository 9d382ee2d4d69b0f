/**
 * The clerk's own figures for today: the server's row of `stats:today` when it answers,
 * otherwise the panel's own count of completions (kept per clerk and day on this PC).
 */
import { computed, shallowRef, watch, type ComputedRef, type ShallowRef } from 'vue';
import type { ClerkStats } from '../../../../shared/admin';
import type { Snapshot, Ticket } from '../../../../shared/schemas';
import type { HallConnection } from '../../shared/connection';
import { recordCompletion, summarize, type DayFigures, type FigureSummary } from '../logic/figures';
import { serviceSeconds } from '../logic/timers';
import * as prefs from '../prefs';

export function createDayFigures(deps: {
  conn: HallConnection;
  snapshot: Readonly<ShallowRef<Snapshot | null>>;
  userId: string;
  now: ComputedRef<number>;
}) {
  const { conn, userId } = deps;
  const local = shallowRef<DayFigures | null>(null);
  const server = shallowRef<ClerkStats | null>(null);

  const today = computed<FigureSummary>(() => {
    const s = server.value;
    if (s) return { served: s.served, averageSeconds: s.served > 0 ? s.avgServiceSeconds : null };
    return local.value ? summarize(local.value) : { served: 0, averageSeconds: null };
  });

  watch(
    () => deps.snapshot.value?.hall.serviceDay,
    (day) => {
      if (day && local.value?.day !== day) local.value = prefs.loadFigures(day, userId);
    },
    { immediate: true },
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Ask for fresh figures shortly after a completion (several presses, one request). */
  function refresh(delayMs = 300): void {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const r = await conn.command('stats:today', {});
      if (!r.ok) return;
      server.value = r.data.clerks.find((c) => c.id === userId) ?? { id: userId, username: '', name: '', served: 0, avgServiceSeconds: 0, busySeconds: 0 };
    }, delayMs);
  }

  /** A ticket left this window done: count it here too, then ask the server. */
  function recordDone(ticket: Ticket | undefined): void {
    refresh();
    if (!ticket || !local.value) return;
    local.value = recordCompletion(local.value, { ticketId: ticket.id, seconds: serviceSeconds(ticket, deps.now.value) });
    prefs.saveFigures(local.value);
  }

  watch(conn.status, (s) => {
    if (s === 'online') refresh(0);
  });

  return { today, recordDone, dispose: () => clearTimeout(timer) };
}

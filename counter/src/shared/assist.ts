/**
 * 求助 for the staff apps: the day's requests (reloaded on every connect, kept current by the
 * `assist:changed` pushes of the socket module) and the commands. The clerk panel keeps its own
 * asks; the console every window's.
 */
import { computed, ref, shallowRef, watch } from 'vue';
import type { AssistKind, AssistRequest } from '../../../shared/assist';
import { activeRequests, sortRequests, upsertRequest } from './assistList';
import type { HallConnection } from './connection';
import type { ClientReply } from './reply';

export function useAssist(conn: HallConnection, keep: (r: AssistRequest) => boolean = () => true) {
  const list = shallowRef<AssistRequest[]>([]);
  const medianAnswerSeconds = ref<number | null>(null);
  const loaded = ref(false);

  async function reload(): Promise<void> {
    const r = await conn.command('assist:list', {});
    if (!r.ok) return;
    list.value = sortRequests(r.data.requests.filter(keep));
    medianAnswerSeconds.value = r.data.medianAnswerSeconds;
    loaded.value = true;
  }

  // Pushes missed while offline are not replayed: the list is fetched again on each connect.
  watch(conn.status, (s) => void (s === 'online' && reload()), { immediate: true });
  watch(conn.assistChanged, (r) => {
    if (r && keep(r)) list.value = upsertRequest(list.value, r);
  });

  /** Applies the answer at once (the push follows, and changes nothing then). */
  const applied = (r: ClientReply<AssistRequest>): ClientReply<AssistRequest> => {
    if (r.ok && keep(r.data)) list.value = upsertRequest(list.value, r.data);
    return r;
  };

  return {
    list,
    active: computed(() => activeRequests(list.value)),
    medianAnswerSeconds,
    loaded,
    reload,
    raise: async (windowNo: number, kind: AssistKind, note?: string) =>
      applied(await conn.command('assist:raise', { windowNo, kind, ...(note ? { note } : {}) })),
    acknowledge: async (id: string) => applied(await conn.command('assist:acknowledge', { id })),
    resolve: async (id: string, outcome?: string) => applied(await conn.command('assist:resolve', { id, ...(outcome ? { outcome } : {}) })),
    cancel: async (id: string) => applied(await conn.command('assist:cancel', { id })),
  };
}

export type AssistStore = ReturnType<typeof useAssist>;

/**
 * What the panel knows about the citizen at the window beyond the hall snapshot: the matters
 * with their materials checklist (一次性告知, started from the guide desk's ticks), the guide's
 * note, and the service timer against the matters' time limit.
 */
import { computed, shallowRef, watch, type ComputedRef } from 'vue';
import type { Catalogue, Matter, Ticket, TicketDetail, Window } from '../../../../shared/schemas';
import { request } from '../../shared/api';
import type { StaffCommands } from '../../shared/commands';
import { emptyChecklist, seedFromGuide, toggleMaterial, type Checklist } from '../logic/checklist';
import { serviceSeconds, timeLimitSeconds } from '../logic/timers';
import * as prefs from '../prefs';

const CATALOGUE_MAX_AGE_MS = 60_000;

export function createTicketInfo(deps: {
  token: string;
  cmd: StaffCommands;
  current: ComputedRef<Ticket | undefined>;
  myWindow: ComputedRef<Window | undefined>;
  now: ComputedRef<number>;
}) {
  const { current } = deps;
  const catalogue = shallowRef<Catalogue | null>(null);
  const detail = shallowRef<TicketDetail | null>(null);
  const checklist = shallowRef<Checklist>(emptyChecklist(''));

  // The catalogue changes rarely (a manager edits a matter): fetch it at start and again with
  // a new citizen at the window, at most once a minute.
  let catalogueAt = 0;
  async function loadCatalogue(): Promise<void> {
    if (Date.now() - catalogueAt < CATALOGUE_MAX_AGE_MS) return;
    catalogueAt = Date.now();
    const r = await request<Catalogue>('GET', '/api/catalogue', { token: deps.token });
    if (r.ok) catalogue.value = r.data;
    else catalogueAt = 0;
  }
  void loadCatalogue();

  const matterById = computed(() => new Map<string, Matter>((catalogue.value?.matters ?? []).map((m) => [m.id, m])));
  const currentMatters = computed<Matter[]>(() =>
    (current.value?.matters ?? []).map((id) => matterById.value.get(id)).filter((m): m is Matter => m !== undefined),
  );
  /** Matters of this window's queues: the guide when a ticket carries none. */
  const windowMatters = computed<Matter[]>(() => {
    const qs = new Set(deps.myWindow.value?.mapping.map((m) => m.queue) ?? []);
    return (catalogue.value?.matters ?? []).filter((m) => qs.has(m.queue));
  });
  const service = computed(() => {
    const c = current.value;
    return {
      elapsed: serviceSeconds(c, deps.now.value),
      limit: c ? timeLimitSeconds(c.matters, matterById.value) : null,
      started: c?.status === 'serving',
    };
  });

  watch(
    () => current.value?.id,
    async (id) => {
      checklist.value = id ? prefs.loadChecklist(id) : emptyChecklist('');
      if (!id) {
        detail.value = null;
        return;
      }
      void loadCatalogue();
      if (detail.value?.id === id) return;
      // After a reload the window knows its ticket but not the guide's note: ask once.
      const r = await deps.cmd.getTicket(id);
      if (r.ok && current.value?.id === id) detail.value = r.data;
    },
    { immediate: true },
  );

  // The guide's ticks arrive with the detail (the call's answer, or ticket:get after a reload),
  // which may come before or after the list is loaded for the new ticket: whichever is last seeds.
  watch(
    [detail, checklist],
    ([d, list]) => {
      if (!d || d.id !== list.ticketId) return;
      const seeded = seedFromGuide(list, d.id, d.checklist);
      if (seeded === list) return;
      checklist.value = seeded;
      prefs.saveChecklist(seeded);
    },
    { immediate: true },
  );

  /** The guide desk's check of the current ticket, when it had one. */
  const guideChecklist = computed(() => (detail.value && detail.value.id === current.value?.id ? detail.value.checklist : undefined));

  return {
    catalogue,
    detail,
    guideChecklist,
    checklist,
    currentMatters,
    windowMatters,
    service,
    toggleMaterial(matterId: string, material: string): void {
      checklist.value = toggleMaterial(checklist.value, matterId, material);
      prefs.saveChecklist(checklist.value);
    },
  };
}

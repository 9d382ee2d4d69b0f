/**
 * The manager console's state and actions: the live hall from the socket module, the mapping
 * commands, and REST calls for the settings pages. Components read from here; they never see
 * the socket.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import type { Catalogue, MappingEntry, Window } from '../../../shared/schemas';
import { logout, request, type Method } from '../shared/api';
import { useAssist } from '../shared/assist';
import { staffCommands } from '../shared/commands';
import { errorKey } from '../shared/commonText';
import { connectHall } from '../shared/connection';
import type { ClientReply } from '../shared/reply';
import type { StaffSession } from '../shared/session';
import { useServerNow } from '../shared/ticker';
import { useDevices } from './devices';
import { hallTotals, queueBoard, uncoveredQueues } from './logic/board';
import { pick, t } from './text';

export type WindowNote = { kind: 'saving' | 'ok' | 'error'; text: string };

export function createAdminStore(session: StaffSession, hooks: { onSignedOut: (reason?: string) => void }) {
  const conn = connectHall({ token: session.token });
  const cmd = staffCommands(conn);
  const now = useServerNow(conn.serverOffset);
  /** Per window: what the last mapping or sign-out command is doing / did. */
  const notes = reactive(new Map<number, WindowNote>());
  const online = computed(() => conn.status.value === 'online');
  /** 求助 from every window (the alert on every page). */
  const assist = useAssist(conn);
  /** 设备状态: the hall's screens (the page, and the board's alert). */
  const devices = useDevices(conn);

  const snapshot = conn.snapshot;
  const windows = computed(() => snapshot.value?.windows ?? []);
  const queues = computed(() => snapshot.value?.queues ?? []);
  const queueRows = computed(() => queueBoard(queues.value, windows.value, now.value));
  const totals = computed(() => hallTotals(queueRows.value, windows.value));
  const uncovered = computed(() => uncoveredQueues(queueRows.value));

  watch(conn.status, (s) => {
    if (s === 'unauthorized') hooks.onSignedOut(t('banner.unauthorized'));
  });

  const windowName = (w: Window): string => pick(w.name, w.nameEn);
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  function note(no: number, n: WindowNote | null): void {
    clearTimeout(timers.get(no));
    if (!n) notes.delete(no);
    else notes.set(no, n);
    if (n?.kind === 'ok') timers.set(no, setTimeout(() => notes.delete(no), 4_000));
  }

  async function setMapping(no: number, mapping: MappingEntry[]): Promise<boolean> {
    note(no, { kind: 'saving', text: t('mapping.saving') });
    const r = await cmd.setMapping(no, mapping);
    note(no, r.ok ? { kind: 'ok', text: t('mapping.saved') } : { kind: 'error', text: t(errorKey(r.error.code)) });
    return r.ok;
  }

  async function signOutClerk(w: Window): Promise<boolean> {
    note(w.no, { kind: 'saving', text: t('mapping.saving') });
    const r = await cmd.signOut(w.no);
    note(w.no, r.ok ? { kind: 'ok', text: t('mapping.signedOut', { window: windowName(w) }) } : { kind: 'error', text: t(errorKey(r.error.code)) });
    return r.ok;
  }

  /** Takes a window out of service (停用; its clerk is signed out) or puts it back. */
  async function setWindowEnabled(w: Window, enabled: boolean): Promise<boolean> {
    note(w.no, { kind: 'saving', text: t('mapping.saving') });
    const r = await api<Window>('PUT', `/api/admin/windows/${w.no}`, { enabled });
    const done = t(enabled ? 'mapping.enabledNote' : 'mapping.disabledNote', { window: windowName(w) });
    note(w.no, r.ok ? { kind: 'ok', text: done } : { kind: 'error', text: t(errorKey(r.error.code)) });
    return r.ok;
  }

  /** Full queue records and the matter catalogue (the settings pages edit them). */
  const catalogue = shallowRef<Catalogue | null>(null);
  async function loadCatalogue(): Promise<void> {
    const r = await api<Catalogue>('GET', '/api/catalogue');
    if (r.ok) catalogue.value = r.data;
  }
  void loadCatalogue();

  /** REST for the settings pages; an expired token signs the manager out. */
  async function api<T>(method: Method, path: string, body?: unknown): Promise<ClientReply<T>> {
    const r = await request<T>(method, path, { token: session.token, body });
    if (!r.ok && r.error.code === 'UNAUTHORIZED') hooks.onSignedOut(t('banner.unauthorized'));
    return r;
  }

  const page = ref(pageFromHash());
  function pageFromHash(): string {
    return typeof location === 'undefined' ? 'board' : location.hash.replace(/^#\/?/, '') || 'board';
  }
  const onHash = (): void => {
    page.value = pageFromHash();
  };
  window.addEventListener('hashchange', onHash);

  return {
    session,
    conn,
    now,
    online,
    snapshot,
    windows,
    queues,
    queueRows,
    totals,
    uncovered,
    notes,
    assist,
    devices,
    page,
    setMapping,
    signOutClerk,
    setWindowEnabled,
    api,
    /** Typed socket commands (the manager operations of shared/events.ts). */
    command: conn.command,
    catalogue,
    loadCatalogue,
    windowName,
    signOut: () => {
      void logout(session.token);
      hooks.onSignedOut();
    },
    close: () => {
      window.removeEventListener('hashchange', onHash);
      conn.close();
    },
  };
}

export function useAdmin(session: StaffSession, hooks: { onSignedOut: (reason?: string) => void }) {
  return reactive(createAdminStore(session, hooks));
}

export type Admin = ReturnType<typeof useAdmin>;

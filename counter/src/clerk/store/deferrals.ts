/**
 * 容缺受理 at the counter: the 待补齐 records of the citizen at the window (asked again with each
 * new ticket, so a reload still shows them), the matter the 容缺受理 box is open for, the 告知承诺书
 * on screen (printed once as it opens), the 容缺补齐 search for a citizen who came back, and 撤销
 * of a record this clerk accepted today (a slip at the window). Another panel's or the console's
 * change to the current citizen's records (`deferral:changed`) is asked for again at once.
 */
import { computed, shallowRef, watch, type ComputedRef, type Ref } from 'vue';
import type { Deferral } from '../../../../shared/deferral';
import type { Matter, Ticket } from '../../../../shared/schemas';
import { errorKey } from '../../shared/commonText';
import type { HallConnection } from '../../shared/connection';
import type { ClientReply } from '../../shared/reply';
import type { Dialog } from './dialog';
import type { Say } from './notices';

export interface DeferralTarget {
  matter: Matter;
  missing: string[];
}

export interface AcceptForm {
  days: number;
  name: string;
  phone: string;
}

export function createDeferrals(deps: { conn: HallConnection; current: ComputedRef<Ticket | undefined>; dialog: Ref<Dialog>; say: Say }) {
  const { conn, current, dialog, say } = deps;
  /** The current ticket's records (all states; the panel shows the 待补齐 ones). */
  const records = shallowRef<Deferral[]>([]);
  const target = shallowRef<DeferralTarget | null>(null);
  const sheet = shallowRef<Deferral | null>(null);
  /** Set while the sheet should print as soon as it shows (a new record; not a reprint). */
  const printOnOpen = shallowRef(false);
  const sending = shallowRef(false);

  async function load(ticketId: string): Promise<void> {
    const r = await conn.command('deferral:list', { ticketId, filter: 'all' });
    if (r.ok && current.value?.id === ticketId) records.value = r.data.items;
  }
  watch(
    () => current.value?.id,
    (id) => {
      records.value = [];
      if (id) void load(id);
    },
    { immediate: true },
  );
  // A reconnect may have missed a record made from another panel: ask again; likewise any change pushed.
  watch(
    () => conn.status.value,
    (s) => {
      if (s === 'online' && current.value) void load(current.value.id);
    },
  );
  watch(
    () => conn.deferralChanged.value,
    () => {
      if (current.value) void load(current.value.id);
    },
  );

  function put(d: Deferral): void {
    records.value = [...records.value.filter((x) => x.id !== d.id), d];
  }

  return {
    records,
    target,
    sheet,
    /** True once after a new record: the sheet prints as it opens (not for a reprint). */
    takePrint(): boolean {
      const p = printOnOpen.value;
      printOnOpen.value = false;
      return p;
    },
    sending: computed(() => sending.value),
    /** Opens the 容缺受理 box for a matter with only 可容缺 materials missing. */
    offer(t: DeferralTarget): void {
      target.value = t;
      dialog.value = 'deferral';
    },
    /** Records it; on success the box gives way to the 告知承诺书, which prints once. Null: refused (the reason is returned). */
    async accept(form: AcceptForm): Promise<ClientReply<Deferral>> {
      const t = target.value;
      const ticket = current.value;
      if (!t || !ticket || sending.value) return { ok: false, error: { code: 'INVALID_STATE', message: 'nothing to accept' } };
      sending.value = true;
      try {
        const r = await conn.command('deferral:create', {
          ticketId: ticket.id,
          matterId: t.matter.id,
          missing: t.missing,
          days: form.days,
          ...(form.name.trim() ? { name: form.name.trim() } : {}),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        });
        if (r.ok) {
          put(r.data);
          sheet.value = r.data;
          printOnOpen.value = true;
          target.value = null;
          dialog.value = 'deferralSheet';
          say('ok', 'deferral.saved', { number: r.data.ticketNumber });
        }
        return r;
      } finally {
        sending.value = false;
      }
    },
    /** The 告知承诺书 of a record again (the clerk presses 打印 there). */
    reprint(d: Deferral): void {
      sheet.value = d;
      printOnOpen.value = false;
      dialog.value = 'deferralSheet';
    },
    /** 容缺补齐: the 待补齐 records matching a number, a name or a phone. */
    find: (q: string) => conn.command('deferral:list', { filter: 'pending', q: q.trim(), limit: 20 }),
    /** 撤销 with a reason (this clerk's own record, on its day; the server checks); the refusal's words, or null when done. */
    async withdraw(d: Deferral, reason: string): Promise<ClientReply<Deferral>> {
      const r = await conn.command('deferral:cancel', { id: d.id, reason: reason.trim() });
      if (r.ok) {
        if (records.value.some((x) => x.id === d.id)) put(r.data);
        say('ok', 'deferral.withdrawn', { number: d.ticketNumber, matter: d.matterName });
      }
      return r;
    },
    async markDone(d: Deferral): Promise<boolean> {
      const r = await conn.command('deferral:done', { id: d.id });
      if (r.ok) {
        if (records.value.some((x) => x.id === d.id)) put(r.data);
        say('ok', 'deferral.markedDone', { number: d.ticketNumber, matter: d.matterName });
      } else say('error', errorKey(r.error.code));
      return r.ok;
    },
  };
}

export type DeferralDesk = ReturnType<typeof createDeferrals>;

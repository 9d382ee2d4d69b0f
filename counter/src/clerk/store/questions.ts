/**
 * 问题反映 at the counter: the clerk's own questions with their answers (an unread count for the
 * top bar's badge), the box to ask one (about the current citizen's first matter unless the clerk
 * picks another, or none), and the hall's published 常见问题, read once and kept, that the matter
 * guide and the materials show under each matter and the box searches. Asked again when the
 * server pushes a change that concerns them (`questions:changed`: this clerk's question, or the
 * 常见问题) and after a reconnect (a push may have been missed).
 */
import { computed, ref, shallowRef, watch, type ComputedRef } from 'vue';
import { matchesWords, searchWords } from '../../../../shared/questionRules';
import type { Faq, Question } from '../../../../shared/questions';
import type { Matter } from '../../../../shared/schemas';
import type { HallConnection } from '../../shared/connection';
import type { ClientReply } from '../../shared/reply';

export type QuestionsTab = 'ask' | 'mine' | 'faq';

/** The published Q&A of one matter (or all: `matterId` undefined) holding every word of `q`, as given (newest answer first). */
export function faqOf(items: readonly Faq[], matterId: string | undefined, q = ''): Faq[] {
  const words = searchWords(q);
  return items.filter((f) => (matterId === undefined || f.matterId === matterId) && matchesWords(words, f.text, f.answer, f.matterName ?? ''));
}

export function createQuestions(deps: { conn: HallConnection; userId: string; currentMatters: ComputedRef<Matter[]> }) {
  const { conn, userId } = deps;
  const mine = shallowRef<Question[]>([]);
  const unread = ref(0);
  const faq = shallowRef<Faq[]>([]);
  /** The box: closed (null) or open on a tab. */
  const tab = ref<QuestionsTab | null>(null);
  /** The matter the box asks about when it opened ('' for none). */
  const askMatter = ref('');
  const sending = ref(false);
  /** The answers that were new when 我的问题 was opened: still marked 新答复 until the box closes. */
  const fresh = shallowRef<ReadonlySet<string>>(new Set());

  async function loadMine(): Promise<void> {
    const r = await conn.command('questions:mine', {});
    if (r.ok) {
      mine.value = r.data.items;
      unread.value = r.data.unread;
    }
  }
  async function loadFaq(): Promise<void> {
    const r = await conn.command('questions:faq', {});
    if (r.ok) faq.value = r.data;
  }
  watch(
    () => conn.status.value,
    (s) => {
      if (s === 'online') void Promise.all([loadMine(), loadFaq()]);
    },
    { immediate: true },
  );
  watch(
    () => conn.questionsChanged.value,
    (c) => {
      if (!c) return;
      if (c.askerId === userId) void loadMine();
      if (c.faq) void loadFaq();
    },
  );

  /** Opening 我的问题 reads the answers: the badge goes (the server keeps it, for any screen). */
  async function markSeen(): Promise<void> {
    if (unread.value === 0) return;
    fresh.value = new Set([...fresh.value, ...mine.value.filter((q) => q.unread === true).map((q) => q.id)]);
    const r = await conn.command('questions:seen', {});
    if (r.ok) {
      mine.value = r.data.items;
      unread.value = r.data.unread;
    }
  }

  // An answer that comes while 我的问题 is on screen is read there and then.
  watch(unread, (n) => {
    if (n > 0 && tab.value === 'mine') void markSeen();
  });

  function open(which: QuestionsTab, matterId?: string): void {
    askMatter.value = matterId ?? deps.currentMatters.value[0]?.id ?? '';
    tab.value = which;
    if (which === 'mine') void markSeen();
  }

  return {
    mine,
    unread: computed(() => unread.value),
    faq,
    /** Was this answer new when 我的问题 was opened (or is it unread now)? */
    isNew: (q: Question): boolean => q.unread === true || fresh.value.has(q.id),
    tab,
    askMatter,
    sending: computed(() => sending.value),
    /** Opens the box: to ask (about `matterId`, else the current citizen's first matter), on 我的问题, or on 常见问题. */
    open,
    show(which: QuestionsTab): void {
      tab.value = which;
      if (which === 'mine') void markSeen();
    },
    close(): void {
      tab.value = null;
      fresh.value = new Set();
    },
    /** 常见问题 of a matter (or all), found by words. */
    faqFor: (matterId: string | undefined, q = ''): Faq[] => faqOf(faq.value, matterId, q),
    async ask(text: string, matterId: string): Promise<ClientReply<Question>> {
      if (sending.value) return { ok: false, error: { code: 'CONFLICT', message: 'sending already' } };
      sending.value = true;
      try {
        const r = await conn.command('questions:ask', { text: text.trim(), ...(matterId ? { matterId } : {}) });
        if (r.ok) mine.value = [r.data, ...mine.value.filter((q) => q.id !== r.data.id)];
        return r;
      } finally {
        sending.value = false;
      }
    },
    async withdraw(q: Question): Promise<ClientReply<Question>> {
      const r = await conn.command('questions:withdraw', { id: q.id });
      if (r.ok) mine.value = mine.value.map((x) => (x.id === q.id ? r.data : x));
      return r;
    },
  };
}

export type QuestionsDesk = ReturnType<typeof createQuestions>;

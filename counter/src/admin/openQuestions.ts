/**
 * 疑难解答's count of 待答复 for the console's navigation, on every page: asked when the connection
 * is (back) up, then taken from each `questions:changed` push, which carries the count after it.
 */
import { onMounted, ref, watch, type Ref } from 'vue';
import type { Admin } from './adminStore';

export function useOpenQuestions(admin: Admin): Readonly<Ref<number>> {
  const open = ref(0);
  async function load(): Promise<void> {
    const r = await admin.command('questions:list', { filter: 'open', limit: 1 });
    if (r.ok) open.value = r.data.open;
  }
  watch(
    () => admin.conn.status,
    (s) => {
      if (s === 'online') void load();
    },
  );
  watch(
    () => admin.conn.questionsChanged,
    (c) => {
      if (c) open.value = c.open;
    },
  );
  onMounted(() => void load());
  return open;
}

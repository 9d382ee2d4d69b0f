/**
 * The 好差评 page's data: the ratings of the span shown (with the tickets served in it, for 参评率)
 * and the staff list (clerks' names). Asked again when the span changes, when a rating of a day
 * in the span arrives or another console follows one up (`ratings:changed`), every minute, and
 * on 刷新; an answer to an older question is dropped.
 */
import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type ComputedRef } from 'vue';
import type { StaffAccount } from '../../../shared/admin';
import type { RatingList, RatingRecord } from '../../../shared/ratings';
import { errorKey } from '../shared/commonText';
import type { Admin } from './adminStore';
import { spanQuery, withRating } from './logic/ratings';
import { t } from './text';

const REFRESH_MS = 60_000;

export function useRatingsList(admin: Admin, span: ComputedRef<{ from: string; to: string } | null>) {
  const list = shallowRef<RatingList | null>(null);
  const staff = shallowRef<Map<string, StaffAccount>>(new Map());
  const loadError = ref('');
  const busy = ref(false);
  const loadedAt = ref<number | null>(null);

  let asked = 0;
  async function load(): Promise<void> {
    const s = span.value;
    if (!s) return;
    const mine = ++asked;
    busy.value = true;
    const r = await admin.api<RatingList>('GET', `/api/ratings${spanQuery(s)}`);
    if (mine !== asked) return; // a newer span was asked meanwhile
    busy.value = false;
    if (!r.ok) {
      loadError.value = t(errorKey(r.error.code));
      return;
    }
    loadError.value = '';
    list.value = r.data;
    loadedAt.value = Date.now();
  }
  async function loadStaff(): Promise<void> {
    const r = await admin.command('admin:staff:list', {});
    if (r.ok) staff.value = new Map(r.data.map((a) => [a.id, a]));
  }
  function refresh(): void {
    void load();
    void loadStaff();
  }

  /** A follow-up was saved here: its answer is the rating's new state. */
  function replace(changed: RatingRecord): void {
    // A refresh asked before the save would bring the old state back: it is dropped.
    asked += 1;
    busy.value = false;
    const l = list.value;
    if (l) list.value = { ...l, ratings: withRating(l.ratings, changed) };
  }

  // The span changes with the choice and at midnight (a new service day).
  watch(() => (span.value ? spanQuery(span.value) : ''), () => void load(), { immediate: true });
  // Live: a rating of a day the page shows, or a follow-up made at another console.
  watch(
    () => admin.conn.ratingsChanged,
    (r) => {
      const s = span.value;
      if (r && s && r.serviceDay >= s.from && r.serviceDay <= s.to) void load();
    },
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    void loadStaff();
    timer = setInterval(() => void load(), REFRESH_MS);
  });
  onBeforeUnmount(() => clearInterval(timer));

  return { list, staff, loadError, busy, loadedAt, refresh, replace };
}

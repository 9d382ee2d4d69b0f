/**
 * What the wall shows and says, derived from the hall connection and the page's URL
 * (`?zone=`, `?queues=`, `?lang=`, `?sound=off`). Components only read from here.
 */
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import type { Announce } from '../../../shared/announce';
import type { Call } from '../../../shared/schemas';
import { AnnounceBanner } from '../shared/announceBanner';
import { AnnouncementQueue } from '../shared/announcementQueue';
import type { HallConnection } from '../shared/hallSocket';
import { announceMatches, callMatches, hallView, parseFilter, type HallFilter, type HallView } from '../shared/hallFilter';
import { parseLangMode, type LangMode } from '../shared/i18n';
import { autoplayAllowed, htmlAudioPlayer } from '../shared/htmlAudioPlayer';

export interface WallModel {
  connection: HallConnection;
  filter: HallFilter;
  langMode: LangMode;
  view: ComputedRef<HallView | null>;
  /** Seq of the newest call that arrived live (it blinks); null after a (re)load. */
  liveCallSeq: Ref<number | null>;
  soundEnabled: boolean;
  soundBlocked: Ref<boolean>;
  speaking: ShallowRef<Call | null>;
  /** How many clips (calls and 语音广播) have started since the page loaded. */
  announced: Ref<number>;
  /** The 语音广播 on the banner now, if any. */
  banner: ShallowRef<Announce | null>;
  /** The 语音广播 being spoken now (for tests and diagnosis). */
  announcing: ShallowRef<Announce | null>;
  enableSound(): void;
}

/** `?sound=off` (or 0, false) silences a wall. */
export const soundEnabledIn = (search: string): boolean => !['0', 'off', 'false'].includes(new URLSearchParams(search).get('sound') ?? '');

export function createWallModel(connection: HallConnection, search: string): WallModel {
  const filter = parseFilter(search);
  const soundEnabled = soundEnabledIn(search);
  const liveCallSeq = ref<number | null>(null);
  const soundBlocked = ref(false);
  const speaking = shallowRef<Call | null>(null);
  const announced = ref(0);
  const banner = shallowRef<Announce | null>(null);
  const announcing = shallowRef<Announce | null>(null);
  const banners = new AnnounceBanner();
  let bannerTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshBanner = (): void => {
    const now = Date.now();
    banner.value = banners.current(now);
    if (bannerTimer !== null) clearTimeout(bannerTimer);
    const next = banners.nextChange(now);
    bannerTimer = next === null ? null : setTimeout(refreshBanner, next - now + 50);
  };

  const queue = soundEnabled
    ? new AnnouncementQueue({
        player: htmlAudioPlayer(),
        onBlockedChange: (blocked) => {
          soundBlocked.value = blocked;
        },
        onSpeaking: (call) => {
          speaking.value = call;
          if (call !== null) announced.value++;
        },
        onAnnouncing: (announce) => {
          announcing.value = announce;
          if (announce !== null) announced.value++;
          banners.speaking(announce, Date.now());
          refreshBanner();
        },
      })
    : null;

  if (queue !== null) {
    void autoplayAllowed().then((allowed) => {
      if (!allowed) queue.markBlocked();
    });
  }

  connection.onCall((call) => {
    if (!callMatches(connection.state.value, filter, call)) return;
    liveCallSeq.value = call.seq;
    queue?.enqueue(call);
  });

  connection.onAnnounce((announce) => {
    if (!announceMatches(connection.state.value, filter, announce)) return;
    banners.arrive(announce, Date.now());
    refreshBanner();
    queue?.enqueueAnnouncement(announce);
  });

  return {
    connection,
    filter,
    langMode: parseLangMode(search),
    view: computed(() => (connection.state.value === null ? null : hallView(connection.state.value, filter))),
    liveCallSeq,
    soundEnabled,
    soundBlocked,
    speaking,
    announced,
    banner,
    announcing,
    enableSound: () => queue?.unlock(),
  };
}

/**
 * A settings page opened straight from a link (/admin#notices) mounts before the socket is up:
 * it loads once the console is online, and only once (`loaded` turns true when it has).
 */
import { watch, type Ref } from 'vue';

export function loadWhenOnline(online: () => boolean, loaded: Ref<boolean>, load: () => Promise<void>): void {
  watch(
    online,
    (now) => {
      if (now && !loaded.value) void load();
    },
    { immediate: true },
  );
}

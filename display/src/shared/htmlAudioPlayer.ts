/**
 * The browser side of the announcement queue: one reused <audio> element (a new element per
 * call would pile up media buffers over a day), and a check of the autoplay policy at start so
 * the "启用声音" overlay shows before the first call instead of swallowing it.
 */
import { AutoplayBlockedError, type AudioPlayer } from './announcementQueue';

export function htmlAudioPlayer(): AudioPlayer {
  const element = new Audio();
  element.preload = 'auto';
  let interrupt: (() => void) | null = null;

  return {
    play(url) {
      return new Promise<void>((resolve, reject) => {
        const cleanup = (): void => {
          element.removeEventListener('ended', onEnded);
          element.removeEventListener('error', onError);
          interrupt = null;
        };
        const onEnded = (): void => {
          cleanup();
          resolve();
        };
        const onError = (): void => {
          cleanup();
          reject(new Error(`cannot play ${url}`));
        };
        interrupt = () => {
          cleanup();
          resolve();
        };
        element.addEventListener('ended', onEnded);
        element.addEventListener('error', onError);
        element.src = url;
        element.play().catch((error: unknown) => {
          cleanup();
          const blocked = error instanceof DOMException && error.name === 'NotAllowedError';
          reject(blocked ? new AutoplayBlockedError() : error);
        });
      });
    },
    stop() {
      element.pause();
      interrupt?.();
    },
  };
}

/**
 * Whether the browser lets this page play sound without a click. An AudioContext created
 * without a user gesture starts `suspended` when autoplay is blocked; give it a moment to start.
 */
export async function autoplayAllowed(): Promise<boolean> {
  if (typeof AudioContext === 'undefined') return true; // cannot tell; the first play() will
  const context = new AudioContext();
  try {
    if (context.state === 'running') return true;
    await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 400))]);
    return (context.state as AudioContextState) === 'running';
  } finally {
    void context.close();
  }
}

import { describe, expect, it } from 'vitest';
import type { Announce } from '../../shared/announce';
import { AnnouncementQueue, AutoplayBlockedError, type AudioPlayer } from '../../display/src/shared/announcementQueue';
import { fixtureCall } from '../../display/src/shared/fixtureHall';

/** A player whose clips end (or fail) only when the test says so; it records overlaps. */
function fakePlayer() {
  const log: string[] = [];
  let playing: { url: string; end: () => void; fail: (e: Error) => void } | null = null;
  let overlaps = 0;
  const player: AudioPlayer = {
    play(url) {
      if (playing !== null) overlaps++;
      log.push(url);
      return new Promise<void>((resolve, reject) => {
        playing = {
          url,
          end: () => {
            playing = null;
            resolve();
          },
          fail: (e) => {
            playing = null;
            reject(e);
          },
        };
      });
    },
    stop() {
      log.push('stop');
      playing?.end();
    },
  };
  return {
    player,
    log,
    get overlaps() {
      return overlaps;
    },
    get playing() {
      return playing?.url ?? null;
    },
    end: () => playing?.end(),
    fail: (e: Error) => playing?.fail(e),
  };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function setup(options: { now?: () => number } = {}) {
  const p = fakePlayer();
  const timers: Array<{ run: () => void; cleared: boolean }> = [];
  const blocked: boolean[] = [];
  const queue = new AnnouncementQueue({
    player: p.player,
    now: options.now,
    maxPending: 5,
    maxAgeMs: 60_000,
    onBlockedChange: (b) => blocked.push(b),
    setTimer: (run) => {
      const t = { run, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
  });
  return { p, queue, timers, blocked };
}

describe('AnnouncementQueue', () => {
  it('plays calls one after another, never two at once', async () => {
    const { p, queue } = setup();
    queue.enqueue(fixtureCall(1, 'A001', 1));
    queue.enqueue(fixtureCall(2, 'B002', 2));
    queue.enqueue(fixtureCall(3, 'C003', 3));
    expect(p.log).toEqual(['/audio/call/1.wav']);
    p.end();
    await flush();
    expect(p.playing).toBe('/audio/call/2.wav');
    p.end();
    await flush();
    p.end();
    await flush();
    expect(p.log).toEqual(['/audio/call/1.wav', '/audio/call/2.wav', '/audio/call/3.wav']);
    expect(p.overlaps).toBe(0);
    expect(queue.current).toBeNull();
  });

  it('speaks a recall again once the first announcement has been played', async () => {
    const { p, queue } = setup();
    queue.enqueue(fixtureCall(1, 'A001', 1));
    p.end();
    await flush();
    queue.enqueue(fixtureCall(5, 'A001', 1, true));
    expect(p.log).toEqual(['/audio/call/1.wav', '/audio/call/5.wav']);
  });

  it('does not queue the same number twice while it still waits to be spoken', async () => {
    const { p, queue } = setup();
    queue.enqueue(fixtureCall(1, 'X001', 9));
    queue.enqueue(fixtureCall(2, 'A001', 1));
    queue.enqueue(fixtureCall(3, 'A001', 1, true));
    expect(queue.pendingCount).toBe(1);
    p.end();
    await flush();
    expect(p.playing).toBe('/audio/call/3.wav');
  });

  it('skips a clip that fails and goes on with the next', async () => {
    const { p, queue } = setup();
    queue.enqueue(fixtureCall(1, 'A001', 1));
    queue.enqueue(fixtureCall(2, 'A002', 2));
    p.fail(new Error('404'));
    await flush();
    expect(p.playing).toBe('/audio/call/2.wav');
  });

  it('stops a clip that never ends and goes on, without overlap', async () => {
    const { p, queue, timers } = setup();
    queue.enqueue(fixtureCall(1, 'A001', 1));
    queue.enqueue(fixtureCall(2, 'A002', 2));
    timers[0]!.run();
    await flush();
    expect(p.log).toEqual(['/audio/call/1.wav', 'stop', '/audio/call/2.wav']);
    expect(p.overlaps).toBe(0);
  });

  it('when the browser blocks autoplay, holds the calls and plays them after unlock', async () => {
    const { p, queue, blocked } = setup();
    queue.enqueue(fixtureCall(1, 'A001', 1));
    p.fail(new AutoplayBlockedError());
    await flush();
    queue.enqueue(fixtureCall(2, 'A002', 2));
    expect(queue.isBlocked).toBe(true);
    expect(blocked).toEqual([true]);
    expect(p.log).toEqual(['/audio/call/1.wav']);
    queue.unlock();
    expect(blocked).toEqual([true, false]);
    expect(p.log).toEqual(['/audio/call/1.wav', '/audio/call/1.wav']);
    p.end();
    await flush();
    expect(p.playing).toBe('/audio/call/2.wav');
  });

  it('drops what is too old to say when sound is finally enabled, and keeps the backlog bounded', () => {
    let now = 0;
    const { p, queue } = setup({ now: () => now });
    queue.markBlocked();
    for (let i = 1; i <= 8; i++) queue.enqueue(fixtureCall(i, `A00${i}`, i));
    expect(queue.pendingCount).toBe(5);
    now = 30_000;
    queue.enqueue(fixtureCall(9, 'B009', 9));
    now = 90_000; // the first five are now 90 s old, B009 60 s: all but B009 are stale
    queue.unlock();
    expect(p.log).toEqual(['/audio/call/9.wav']);
  });
});

const announcement = (id: string, zone?: string): Announce => ({
  id,
  text: `广播 ${id}`,
  lang: 'zh',
  at: '2026-11-30T01:00:00.000Z',
  audioUrl: `/api/audio/notice.wav?text=${id}`,
  ...(zone ? { zone } : {}),
});

describe('AnnouncementQueue with 语音广播', () => {
  it('an announcement waits for the call being spoken, and calls that arrive meanwhile go first', async () => {
    const { p, queue } = setup();
    queue.enqueue(fixtureCall(1, 'A001', 1));
    expect(p.playing).toBe('/audio/call/1.wav');
    queue.enqueueAnnouncement(announcement('n1'));
    queue.enqueue(fixtureCall(2, 'B002', 2));
    expect(p.playing).toBe('/audio/call/1.wav'); // never cut
    expect(queue.currentAnnouncement).toBeNull();
    p.end();
    await flush();
    expect(p.playing).toBe('/audio/call/2.wav');
    p.end();
    await flush();
    expect(p.playing).toBe('/api/audio/notice.wav?text=n1');
    expect(queue.currentAnnouncement?.id).toBe('n1');
    expect(queue.current).toBeNull();
    // A call during an announcement waits for its end: nothing is cut.
    queue.enqueue(fixtureCall(3, 'C003', 3));
    expect(p.playing).toBe('/api/audio/notice.wav?text=n1');
    p.end();
    await flush();
    expect(p.playing).toBe('/audio/call/3.wav');
    expect(p.overlaps).toBe(0);
  });

  it('reports the announcement being spoken, speaks each id once and keeps it through an autoplay block', async () => {
    const p = fakePlayer();
    const events: Array<string | null> = [];
    const queue = new AnnouncementQueue({ player: p.player, onAnnouncing: (a) => events.push(a?.id ?? null) });
    queue.markBlocked();
    queue.enqueueAnnouncement(announcement('n1'));
    queue.enqueueAnnouncement(announcement('n1'));
    expect(p.playing).toBeNull();
    expect(queue.pendingCount).toBe(1);
    queue.unlock();
    expect(p.playing).toBe('/api/audio/notice.wav?text=n1');
    queue.enqueueAnnouncement(announcement('n1')); // the same one again while it is spoken
    p.end();
    await flush();
    expect(p.playing).toBeNull();
    expect(events).toEqual(['n1', null]);
    expect(p.log).toEqual(['/api/audio/notice.wav?text=n1']);
  });
});

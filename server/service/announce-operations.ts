/**
 * 语音广播: a manager makes the walls speak a text now. Not a hall command: nothing in the hall
 * state changes, so no event, no seq; it is audited (who, what) and sent to the viewers as
 * `announce` with the URL of its notice audio, which the walls fetch (and the server renders
 * once, then serves from its cache to every wall).
 */
import { randomUUID } from 'node:crypto';
import { AnnounceBody, noticeAudioUrl, type Announce } from '../../shared/announce';
import type { Reply } from '../../shared/errors';
import type { Role } from '../../shared/schemas';
import { iso } from '../domain';
import { NOTICE_MAX_CHARS } from '../voice/notice';
import { detectLanguage, noticeForEspeak } from '../voice/text';
import { err, ok } from './errors';
import type { HallService } from './hall-service';
import { define } from './operation';

const MANAGER: readonly Role[] = ['manager'];

/**
 * At most one announcement per hall in this time: a double click, or two managers at once, must
 * not make the hall hear the same notice twice or a pile of them (each takes up to half a minute).
 */
export const ANNOUNCE_INTERVAL_MS = 5_000;

/** When each hall last announced (one service per hall; tests start many servers in one process). */
const lastAnnounced = new WeakMap<HallService, number>();

export const announceOperations = {
  'announce:send': define({
    roles: MANAGER,
    schema: AnnounceBody,
    run({ service }, actor, input): Reply<Announce> {
      // The voice reads ticket numbers letter by letter ("A12" → "A 1 2"), which lengthens the text:
      // check what it will actually speak, so the walls never get a URL that answers 400.
      const textEn = input.textEn ? input.textEn : undefined;
      for (const [field, words] of [['text', input.text], ['textEn', textEn]] as const) {
        if (words === undefined) continue;
        const spoken = [...noticeForEspeak(words)].length;
        if (spoken === 0) return err('BAD_REQUEST', `${field}: nothing to speak`);
        if (spoken > NOTICE_MAX_CHARS) return err('BAD_REQUEST', `${field}: too long to speak (at most ${NOTICE_MAX_CHARS} characters)`);
      }
      if (input.zone !== undefined && ![...service.state().windows.values()].some((w) => w.zone === input.zone)) {
        return err('BAD_REQUEST', `zone: no window is in the zone ${input.zone}`);
      }
      const now = service.now();
      const last = lastAnnounced.get(service);
      if (last !== undefined && now - last < ANNOUNCE_INTERVAL_MS && now >= last) {
        const wait = Math.ceil((ANNOUNCE_INTERVAL_MS - (now - last)) / 1000);
        return err('RATE_LIMITED', `one announcement every ${ANNOUNCE_INTERVAL_MS / 1000} s; try again in ${wait} s`);
      }
      lastAnnounced.set(service, now);
      const lang = input.lang ?? detectLanguage(input.text);
      const announce: Announce = {
        id: randomUUID(),
        text: input.text,
        lang,
        ...(input.zone !== undefined ? { zone: input.zone } : {}),
        at: iso(now),
        audioUrl: noticeAudioUrl(input.text, lang, textEn),
        ...(textEn !== undefined ? { textEn } : {}),
      };
      service.audit(actor, 'Announced', null, { id: announce.id, text: announce.text, lang, zone: announce.zone, textEn });
      service.announce(announce);
      return ok(announce);
    },
  }),
};

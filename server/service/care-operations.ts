/**
 * 关怀提醒 (shared/care.ts): the day's list for the duty manager and the 已关心 mark. Managers only;
 * the rule is pure (domain/care.ts), the moments come from 求助 and 好差评 as stored, the long
 * stretches from the hall's windows now.
 */
import { z } from 'zod';
import { CareMark, type CareDay } from '../../shared/care';
import type { Reply } from '../../shared/errors';
import { REASONS_AT_OR_BELOW } from '../citizen/rules';
import { careList } from '../domain';
import type { OpContext } from './operation';
import { err, ok } from './errors';
import { define } from './operation';

const NoPayload = z.object({}).optional();

function careDay({ service, store }: OpContext): CareDay {
  const state = service.state();
  const day = state.serviceDay;
  const items = careList({
    now: service.now(),
    who: (id) => state.clerks.get(id) ?? store.users.byId(id),
    windows: state.windows.values(),
    conduct: store.care.conduct(service.hallId, day),
    complaints: store.care.complaints(service.hallId, day, REASONS_AT_OR_BELOW),
    marks: store.care.marks(service.hallId, day),
  });
  return { serviceDay: day, items };
}

export const careOperations = {
  'admin:care': define({
    roles: ['manager'],
    schema: NoPayload,
    run: (ctx): Reply<CareDay> => ok(careDay(ctx)),
  }),

  'admin:care:mark': define({
    roles: ['manager'],
    schema: CareMark,
    run(ctx, actor, input): Reply<CareDay> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      const { service, store } = ctx;
      const person = service.state().clerks.get(input.clerkId) ?? store.users.byId(input.clerkId);
      if (!person) return err('NOT_FOUND', 'no such member of staff');
      const mark = { clerkId: input.clerkId, byId: actor.id, byName: actor.name, at: service.now(), note: input.note ?? '' };
      store.db.transaction(() => {
        store.care.add(service.hallId, service.state().serviceDay, mark);
        service.audit(actor, 'CareMarked', null, { clerkId: mark.clerkId, name: person.name, note: mark.note });
      })();
      return ok(careDay(ctx));
    },
  }),
};

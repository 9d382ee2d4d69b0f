/**
 * 疑难问题反映与解答 operations (shared/questions.ts; rules in ./rules.ts): `questions:ask`,
 * `questions:withdraw` and `questions:mine` / `questions:seen` for the clerk who asked;
 * `questions:list`, `questions:answer`, `questions:publish` for managers; `questions:faq` (the
 * published 常见问题) for every member of staff who serves citizens. Not hall state: no seq; each
 * change is one transaction with its audit line, then `questions:changed` to staff (no text in it).
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../shared/errors';
import { FaqQuery, matchesWords, QuestionAnswer, QuestionAsk, QuestionPublish, QuestionQuery, QuestionRef, searchWords, type Faq, type MyQuestions, type Question, type QuestionList, type QuestionsChanged } from '../../shared/questions';
import type { Role } from '../../shared/schemas';
import { z } from 'zod';
import { iso } from '../domain';
import type { Actor } from '../service/actor';
import { err, failWith, ok } from '../service/errors';
import { define, type OpContext } from '../service/operation';
import { questionsChanged } from './push';
import { questionsRepoOf } from './questions-repo';
import { answer, ask, FAQ_ROLES, faqChanged, mayRead, publish, unread, withdraw, type Check, type QuestionRec, type Step, type Who } from './rules';

const MANAGERS: readonly Role[] = ['manager'];
const MINE_LIMIT = 200;
const LIST_LIMIT = 500;
const NoPayload = z.object({}).optional();

const whoOf = (a: Actor): Who | undefined => (a.kind === 'user' ? { id: a.id, role: a.role } : undefined);

/** The matter's name as the catalogue says it now, else as it was when asked. */
const matterNameOf = (ctx: OpContext, r: QuestionRec): string | undefined => (r.matterId === undefined ? undefined : (ctx.service.matter(r.matterId)?.name ?? r.matterName));

function view(ctx: OpContext, r: QuestionRec, forAsker: boolean): Question {
  const u = ctx.store.users.byId(r.askerId);
  const q: Question = {
    id: r.id,
    text: r.text,
    asker: { id: r.askerId, name: u?.name ?? r.askerId, username: u?.username ?? '' },
    askedAt: iso(r.askedAt),
    status: r.status,
    published: r.published,
  };
  if (r.matterId !== undefined) q.matterId = r.matterId;
  const matterName = matterNameOf(ctx, r);
  if (matterName !== undefined) q.matterName = matterName;
  if (r.windowNo !== undefined) q.windowNo = r.windowNo;
  if (r.answer !== undefined) q.answer = r.answer;
  if (r.answeredById !== undefined) q.answeredBy = { id: r.answeredById, name: r.answeredByName ?? r.answeredById };
  if (r.answeredAt !== undefined) q.answeredAt = iso(r.answeredAt);
  if (r.editedAt !== undefined) q.editedAt = iso(r.editedAt);
  if (r.withdrawnAt !== undefined) q.withdrawnAt = iso(r.withdrawnAt);
  if (forAsker) q.unread = unread(r);
  return q;
}

function faqView(ctx: OpContext, r: QuestionRec): Faq {
  const f: Faq = { id: r.id, text: r.text, answer: r.answer ?? '', answeredAt: iso(r.answeredAt ?? r.askedAt) };
  if (r.matterId !== undefined) f.matterId = r.matterId;
  const matterName = matterNameOf(ctx, r);
  if (matterName !== undefined) f.matterName = matterName;
  if (r.editedAt !== undefined) f.editedAt = iso(r.editedAt);
  return f;
}

/** The record as the audit log keeps it (staff data only: the question is about a rule, not a person). */
const audited = (r: QuestionRec) => ({ id: r.id, text: r.text, matterId: r.matterId ?? null, status: r.status, answer: r.answer ?? null, published: r.published });

const AUDIT_TYPES: Record<QuestionsChanged['what'], string> = {
  asked: 'QuestionAsked',
  answered: 'QuestionAnswered',
  edited: 'QuestionAnswerEdited',
  published: 'QuestionPublished',
  unpublished: 'QuestionUnpublished',
  withdrawn: 'QuestionWithdrawn',
};

function announce(ctx: OpContext, before: QuestionRec | undefined, after: QuestionRec, what: QuestionsChanged['what']): void {
  const c: QuestionsChanged = {
    id: after.id,
    what,
    askerId: after.askerId,
    faq: before ? faqChanged(before, after) : false,
    open: questionsRepoOf(ctx.store.db).openCount(ctx.service.hallId),
  };
  if (after.matterId !== undefined) c.matterId = after.matterId;
  questionsChanged(ctx.service, c);
}

/** Runs one rule step on a stored question: writes and audits a change in one transaction, then pushes. */
function change(ctx: OpContext, actor: Actor, id: string, step: (who: Who, rec: QuestionRec) => Check<Step>): Reply<Question> {
  const { service, store } = ctx;
  const repo = questionsRepoOf(store.db);
  const who = whoOf(actor);
  const rec = repo.byId(service.hallId, id);
  if (!who || !rec || !mayRead(who, rec)) return err('NOT_FOUND', 'no such question');
  const r = step(who, rec);
  if (!r.ok) return failWith(r.error);
  const { rec: next, what } = r.value;
  if (what !== undefined) {
    store.db.transaction(() => {
      repo.update(service.hallId, next);
      service.audit(actor, AUDIT_TYPES[what], audited(rec), audited(next));
    })();
    announce(ctx, rec, next, what);
  }
  return ok(view(ctx, next, next.askerId === who.id));
}

function mine(ctx: OpContext, askerId: string): MyQuestions {
  const items = questionsRepoOf(ctx.store.db)
    .ofAsker(ctx.service.hallId, askerId, MINE_LIMIT)
    .map((r) => view(ctx, r, true));
  return { items, unread: items.filter((q) => q.unread === true).length };
}

export const questionOperations = {
  'questions:ask': define({
    roles: ['clerk', 'manager'],
    schema: QuestionAsk,
    run(ctx, actor, input): Reply<Question> {
      const { service, store } = ctx;
      const who = whoOf(actor);
      if (!who) return err('UNAUTHORIZED', 'sign in first');
      const at = [...service.state().windows.values()].find((w) => w.clerkId === who.id);
      const r = ask(who, { id: randomUUID(), text: input.text, matterId: input.matterId, windowNo: at?.no }, (id) => service.matter(id)?.name, service.now());
      if (!r.ok) return failWith(r.error);
      const repo = questionsRepoOf(store.db);
      store.db.transaction(() => {
        repo.insert(service.hallId, r.value);
        service.audit(actor, AUDIT_TYPES.asked, null, audited(r.value));
      })();
      announce(ctx, undefined, r.value, 'asked');
      return ok(view(ctx, r.value, true));
    },
  }),

  /** 我的问题: the signed-in clerk's own questions, newest first, with their answers (private ones too). */
  'questions:mine': define({
    roles: ['clerk', 'manager'],
    schema: NoPayload,
    run(ctx, actor): Reply<MyQuestions> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      return ok(mine(ctx, actor.id));
    },
  }),

  /** The asker opened their answers: the badge goes (until the next answer or edit). */
  'questions:seen': define({
    roles: ['clerk', 'manager'],
    schema: NoPayload,
    run(ctx, actor): Reply<MyQuestions> {
      if (actor.kind !== 'user') return err('UNAUTHORIZED', 'sign in first');
      questionsRepoOf(ctx.store.db).seen(ctx.service.hallId, actor.id, ctx.service.now());
      return ok(mine(ctx, actor.id));
    },
  }),

  'questions:withdraw': define({
    roles: ['clerk', 'manager'],
    schema: QuestionRef,
    run: (ctx, actor, input): Reply<Question> => change(ctx, actor, input.id, (who, rec) => withdraw(who, rec, ctx.service.now())),
  }),

  /** 疑难解答 (managers): 待答复 first (oldest first), then the rest newest first; the filter and words narrow it. */
  'questions:list': define({
    roles: MANAGERS,
    schema: QuestionQuery,
    run(ctx, _actor, input): Reply<QuestionList> {
      const repo = questionsRepoOf(ctx.store.db);
      const filter = input.filter ?? 'all';
      const words = searchWords(input.q ?? '');
      const items = repo
        .all(ctx.service.hallId, LIST_LIMIT)
        .filter((r) => filter === 'all' || (filter === 'published' ? r.published && r.status === 'answered' : r.status === filter))
        .filter((r) => matchesWords(words, r.text, r.answer ?? '', matterNameOf(ctx, r) ?? ''))
        .slice(0, input.limit ?? LIST_LIMIT)
        .map((r) => view(ctx, r, false));
      return ok({ items, open: repo.openCount(ctx.service.hallId) });
    },
  }),

  'questions:answer': define({
    roles: MANAGERS,
    schema: QuestionAnswer,
    run: (ctx, actor, input): Reply<Question> =>
      change(ctx, actor, input.id, (who, rec) => answer(who, rec, input.answer, input.publish, actor.kind === 'user' ? actor.name : '', ctx.service.now())),
  }),

  'questions:publish': define({
    roles: MANAGERS,
    schema: QuestionPublish,
    run: (ctx, actor, input): Reply<Question> => change(ctx, actor, input.id, (who, rec) => publish(who, rec, input.published)),
  }),

  /** 常见问题: the published answers (of one matter, or all), newest answer first, found by words; never who asked. */
  'questions:faq': define({
    roles: FAQ_ROLES,
    schema: FaqQuery,
    run(ctx, _actor, input): Reply<Faq[]> {
      const words = searchWords(input.q ?? '');
      const items = questionsRepoOf(ctx.store.db)
        .published(ctx.service.hallId)
        .filter((r) => input.matterId === undefined || r.matterId === input.matterId)
        .filter((r) => matchesWords(words, r.text, r.answer ?? '', matterNameOf(ctx, r) ?? ''))
        .map((r) => faqView(ctx, r));
      return ok(items);
    },
  }),
};

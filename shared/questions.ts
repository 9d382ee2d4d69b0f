/**
 * 疑难问题反映与解答: a clerk writes down a question they could not settle alone (not urgent: 求助
 * is for the window now), optionally about a matter of the catalogue; a manager answers it in
 * writing; an answer worth keeping is 收入常见问题 — published under its matter for every clerk —
 * or stays private to the asker. The seed: 对于窗口人员反映的难点、疑点问题，积极回应，高效处理, and
 * 业务知识是基础 — answers kept where the next clerk finds them.
 * Staff only: nothing of it reaches a wall, a window screen or a phone page. No citizen data.
 */
import { z } from 'zod';
import { ANSWER_TEXT_MAX, QUESTION_SEARCH_MAX, QUESTION_TEXT_MAX } from './questionRules';

export { ANSWER_TEXT_MAX, QUESTION_SEARCH_MAX, QUESTION_TEXT_MAX, matchesWords, personalDataIn, searchWords } from './questionRules';

/**
 * open (待答复) → answered (已答复; `published` says whether it is 常见问题); open → withdrawn
 * (撤回, by the asker, while nobody answered). An answer may be edited and published or
 * unpublished any time after.
 */
export const QUESTION_STATUSES = ['open', 'answered', 'withdrawn'] as const;
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

/** The console's filters: 待答复, 已答复 (published or not), 常见问题 (published), 全部. */
export const QuestionFilter = z.enum(['open', 'answered', 'published', 'all']);
export type QuestionFilter = z.infer<typeof QuestionFilter>;

const Id = z.string().min(1).max(64);
const MatterId = z.string().min(1).max(32);

/** questions:ask — a clerk (or a manager writing one down for the hall). */
export const QuestionAsk = z.object({
  text: z.string().trim().min(1).max(QUESTION_TEXT_MAX),
  /** A matter of the catalogue; absent: a general question. */
  matterId: MatterId.optional(),
});
export type QuestionAsk = z.infer<typeof QuestionAsk>;

export const QuestionRef = z.object({ id: Id });
export type QuestionRef = z.infer<typeof QuestionRef>;

/** questions:answer — a manager answers an open question, or edits the answer; `publish` sets 常见问题 in the same step. */
export const QuestionAnswer = QuestionRef.extend({
  answer: z.string().trim().min(1).max(ANSWER_TEXT_MAX),
  publish: z.boolean().optional(),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

/** questions:publish — 收入常见问题 (true) or 取消公开 (false). */
export const QuestionPublish = QuestionRef.extend({ published: z.boolean() });
export type QuestionPublish = z.infer<typeof QuestionPublish>;

/** questions:list (managers). */
export const QuestionQuery = z.object({
  filter: QuestionFilter.optional(),
  q: z.string().trim().max(QUESTION_SEARCH_MAX).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type QuestionQuery = z.output<typeof QuestionQuery>;

/** questions:faq — the published 常见问题, of one matter or all, found by words. */
export const FaqQuery = z.object({
  matterId: MatterId.optional(),
  q: z.string().trim().max(QUESTION_SEARCH_MAX).optional(),
});
export type FaqQuery = z.output<typeof FaqQuery>;

const Person = z.object({ id: z.string(), name: z.string(), username: z.string() });

export const Question = z.object({
  id: z.string(),
  text: z.string(),
  matterId: z.string().optional(),
  /** The matter's name as the catalogue says it now (or when asked, if it left the catalogue). */
  matterName: z.string().optional(),
  asker: Person,
  /** The window the asker was signed in at when asking. */
  windowNo: z.number().int().optional(),
  askedAt: z.string(),
  status: QuestionStatus,
  answer: z.string().optional(),
  answeredBy: z.object({ id: z.string(), name: z.string() }).optional(),
  answeredAt: z.string().optional(),
  /** The answer was changed after it was first given. */
  editedAt: z.string().optional(),
  published: z.boolean(),
  withdrawnAt: z.string().optional(),
  /** For the asker only: an answer (or a change of it) they have not opened yet. */
  unread: z.boolean().optional(),
});
export type Question = z.infer<typeof Question>;

/**
 * A published question as every clerk sees it: the question and the answer, the matter and when,
 * not who asked (asking is never a mark against anyone).
 */
export const Faq = z.object({
  id: z.string(),
  text: z.string(),
  matterId: z.string().optional(),
  matterName: z.string().optional(),
  answer: z.string(),
  answeredAt: z.string(),
  editedAt: z.string().optional(),
});
export type Faq = z.infer<typeof Faq>;

export interface QuestionList {
  items: Question[];
  /** Over all of them, whatever the filter: 待答复. */
  open: number;
}

export interface MyQuestions {
  items: Question[];
  /** Answers the asker has not opened yet (the panel's badge). */
  unread: number;
}

/**
 * `questions:changed` (staff sockets): a question was asked, answered, edited, published,
 * unpublished or withdrawn. No text in it (a private answer stays with its asker): the asker's
 * panel asks for its own list again, every panel its 常见问题 when `faq` changed, the console its
 * list. `open` is the count of 待答复 after it (the console's badge).
 */
export interface QuestionsChanged {
  id: string;
  what: 'asked' | 'answered' | 'edited' | 'published' | 'unpublished' | 'withdrawn';
  askerId: string;
  matterId?: string;
  /** The published 常见问题 changed (a published answer made, edited or taken back). */
  faq: boolean;
  open: number;
}

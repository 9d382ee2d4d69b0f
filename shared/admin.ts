/** Schemas of the manager console's calls (extensions beside the core contract). */
import { z } from 'zod';
import { DateStr, Phone } from './citizen';
import { ASSIST_SMS_MINUTES, ASSIST_SMS_PHONES_MAX } from './notify';
import { Matter, QueueCode, Role, TicketHours } from './schemas';

/** 光荣榜: at most this many on the roll (a notice line, not a staff list). */
export const HONORS_MAX = 10;
/** One entry of the 光荣榜: whom, and the title the hall gives them (11月服务之星, 岗位标兵). */
export const Honor = z.object({
  clerkId: z.string().min(1).max(64),
  title: z.string().trim().min(1, 'the title is empty').max(12, 'at most 12 characters'),
});
export type Honor = z.infer<typeof Honor>;

/** 作息时间's 节假日 and 调休上班 lists: at most this many dates each (a year has about 25; past years stay, 统计 reads them). */
export const WORK_DATES_MAX = 400;
const WorkDates = z
  .array(DateStr)
  .max(WORK_DATES_MAX, `at most ${WORK_DATES_MAX} dates`)
  .refine((d) => new Set(d).size === d.length, 'each date once');

/** 作息时间's working days by default: Monday to Friday (0 = Sunday, as 预约's openDays counts). */
export const WORK_DAYS_DEFAULT: readonly number[] = [1, 2, 3, 4, 5];
/**
 * 作息时间: the hall's working spans of a day (the rule of 取号时间: up to six, in order, apart) and
 * its working days (0 = Sunday). Service outside them is 延时服务 (统计), the figure 调休 is
 * granted by; a day not ticked counts whole. No spans: not set, nothing is counted.
 * `offDates` (法定节假日, 休息日) count whole even on a ticked weekday; `onDates` (调休上班) work the
 * usual spans even on a weekday not ticked. Both optional: halls saved before them have none.
 */
export const WorkHours = z
  .object({
    spans: TicketHours,
    days: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'each day once'),
    offDates: WorkDates.optional(),
    onDates: WorkDates.optional(),
  })
  .refine((w) => w.spans.length === 0 || w.days.length > 0, { message: 'tick at least one working day', path: ['days'] })
  .refine((w) => !w.offDates?.some((d) => w.onDates?.includes(d)), {
    message: 'a date is either a holiday or a make-up working day, not both',
    path: ['onDates'],
  });
export type WorkHours = z.infer<typeof WorkHours>;

export const HallSettings = z.object({
  recallLimit: z.number().int().min(0).max(10),
  prioritySwapAfter: z.number().int().min(1).max(20),
  publicTicketing: z.boolean(),
  voiceLanguages: z.array(z.enum(['zh', 'en'])).min(1).max(2),
  voiceRepeat: z.number().int().min(1).max(3),
  notices: z.array(z.string().min(1).max(200)).max(20),
  /** English of each notice, by index ('' where it has none; at most one per notice). Extension beside `notices`. */
  noticesEn: z.array(z.string().max(200)).max(20),
  ticketHours: TicketHours,
  /** 停止取号: in the day's last span, a queue stops when a new ticket's wait would run past its end. */
  stopWhenUnfinishable: z.boolean(),
  /** 窗口屏显示工作人员 (亮证亮照): window screens show the signed-in clerk; absent: off (halls saved before it). */
  windowShowsClerk: z.boolean().optional(),
  /** 光荣榜: staff honoured on the public screens, in order; each account once, active (absent: none). */
  honors: z.array(Honor).max(HONORS_MAX).optional(),
  /** 作息时间 (延时服务 in 统计); absent or without spans: not set (halls saved before it). */
  workHours: WorkHours.optional(),
});
export const SettingsPatch = HallSettings.partial();

const [MIN_OFF, MINUTES_MAX] = ASSIST_SMS_MINUTES;
const PhoneList = z
  .array(Phone)
  .max(ASSIST_SMS_PHONES_MAX, `at most ${ASSIST_SMS_PHONES_MAX} numbers`)
  .refine((p) => new Set(p).size === p.length, 'each number once');
const Minutes = z.number().int().min(MIN_OFF, `${MIN_OFF} (off) to ${MINUTES_MAX} minutes`).max(MINUTES_MAX, `${MIN_OFF} (off) to ${MINUTES_MAX} minutes`);
/**
 * 求助短信 (GET/PUT /api/sms/assist, managers): a 求助 still unanswered `minutes` after it was
 * raised is texted to each 值班长手机 (0: never); still unanswered `leaderMinutes` after it was
 * raised, to each 分管领导手机 as well (the second tier; 0: never; later than the first). Only while
 * SMS is on (`smsEnabled`). The second tier may be left out of a body (then off).
 */
export const AssistSmsSettings = z
  .object({
    dutyPhones: PhoneList,
    minutes: Minutes,
    leaderPhones: PhoneList.default([]),
    leaderMinutes: Minutes.default(0),
  })
  .refine((v) => v.leaderMinutes === 0 || v.minutes === 0 || v.leaderMinutes > v.minutes, {
    message: 'the leaders are texted later than the duty managers',
    path: ['leaderMinutes'],
  });
export type AssistSmsSettings = z.infer<typeof AssistSmsSettings>;

export const QueuePatch = z
  .object({
    name: z.string().min(1).max(40),
    nameEn: z.string().min(1).max(80),
    category: z.string().min(1).max(40),
    targetWaitMinutes: z.number().int().min(1).max(480),
    priorityQueue: z.boolean(),
    numberStart: z.number().int().min(1).max(9999),
    numberEnd: z.number().int().min(1).max(9999),
    /** Number prefix (号码前缀), one capital letter; the queue's own code puts it back to the default. */
    prefix: QueueCode,
  })
  .partial();
export const QueueUpdate = QueuePatch.extend({ code: QueueCode });

export const Username = z.string().regex(/^[A-Za-z0-9_.-]{2,32}$/, '2–32 letters, digits, . _ or -');
export const StaffInput = z.object({
  username: Username,
  name: z.string().min(1).max(40),
  role: Role,
  skills: z.array(QueueCode).max(26),
  password: z.string().min(4, 'at least 4 characters').max(200).optional(),
  active: z.boolean().optional(),
});
export const StaffUpdate = StaffInput.partial().extend({ id: z.string().min(1).max(64) });

export const StaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  skills: z.array(z.string()),
  active: z.boolean(),
  /** Still the published demo password. */
  demoPassword: z.boolean(),
  /** 亮证亮照: the account's photo (shared/schemas.ts staffPhotoUrl); absent when it has none. */
  photoUrl: z.string().optional(),
});

/**
 * 亮证亮照 (PUT /api/admin/staff/:id/photo, the body the image itself): JPEG or PNG, at most this
 * many bytes. The console sends a 240×320 JPEG of a few tens of kB; the cap leaves room for a PNG.
 */
export const STAFF_PHOTO_MAX_BYTES = 300 * 1024;
export const STAFF_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export type StaffPhotoType = (typeof STAFF_PHOTO_TYPES)[number];

export const WindowEnabledUpdate = z.object({ windowNo: z.coerce.number().int().min(1).max(9999), enabled: z.boolean() });

export const MatterId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
export const MatterInput = Matter.extend({
  id: MatterId,
  name: z.string().min(1).max(60),
  nameEn: z.string().min(1).max(120),
  materials: z.array(z.string().min(1).max(100)).max(30),
  timeLimitMinutes: z.number().int().min(1).max(480),
  deferrable: z.array(z.string().min(1).max(100)).max(30).optional(),
}).refine((m) => (m.deferrable ?? []).every((x) => m.materials.includes(x)), {
  message: 'each deferrable material must be one of the materials',
  path: ['deferrable'],
});
export const MatterRef = z.object({ id: MatterId });

export const AuditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  type: z.string(),
  data: z.unknown(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const QueueStats = z.object({
  code: QueueCode,
  issued: z.number().int(),
  waiting: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  avgWaitSeconds: z.number().int(),
  p90WaitSeconds: z.number().int(),
  /** Share of called tickets called within the queue's target wait (0–1; 1 when none yet). */
  slaAttainment: z.number(),
  avgServiceSeconds: z.number().int(),
});

export const ClerkStats = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  windowNo: z.number().int().optional(),
  served: z.number().int(),
  avgServiceSeconds: z.number().int(),
  busySeconds: z.number().int(),
});

export const TodayStats = z.object({
  serviceDay: z.string(),
  at: z.string(),
  queues: z.array(QueueStats),
  clerks: z.array(ClerkStats),
});

export type HallSettings = z.infer<typeof HallSettings>;
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type QueuePatch = z.infer<typeof QueuePatch>;
export type StaffInput = z.infer<typeof StaffInput>;
export type StaffUpdate = z.infer<typeof StaffUpdate>;
export type StaffAccount = z.infer<typeof StaffAccount>;
export type MatterInput = z.infer<typeof MatterInput>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type QueueStats = z.infer<typeof QueueStats>;
export type ClerkStats = z.infer<typeof ClerkStats>;
export type TodayStats = z.infer<typeof TodayStats>;

/**
 * The citizen side of issuing (issue 5): appointments booked from a province's online platform
 * and checked in at the kiosk or the guide desk, a walk-in's text reminder, the retention of
 * personal data, and the hall's settings for these. zod schemas; the TypeScript types are
 * inferred from them. The 好差评 ratings of served tickets are in shared/ratings.ts.
 */
import { z } from 'zod';
import { ID_DAILY_LIMIT, IdCardMode, IdCardText, SENIOR_PRIORITY_AGE } from './idcard';
import { isMobile, MOBILE_NUMBER } from './mobileNumber';
import { SmsKind } from './notify';
import { GuideChecklist, Priority, QueueCode, TicketDetail, TimeOfDay } from './schemas';

/** A calendar date in the hall's time zone. */
export const DateStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date looks like 2026-11-30');
/** Calendar arithmetic on DateStr days (zod-free, shared/calendar.ts). */
export { addDays, dayNumber } from './calendar';
/** A time of day in the hall's time zone, 24-hour (defined with the core schemas). */
export { TimeOfDay };
/** A mainland mobile number: 11 digits starting 13–19. */
export const Phone = z.string().regex(MOBILE_NUMBER, 'a mobile number has 11 digits and starts with 13–19');
/** The code a citizen types at the kiosk: 8 digits. */
export const AppointmentCode = z.string().regex(/^\d{8}$/, 'an appointment code has 8 digits');
export const AppointmentId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const AppointmentStatus = z.enum(['booked', 'checked_in', 'cancelled', 'missed']);

const MatterIds = z.array(z.string().min(1).max(64)).max(20);

// ---- settings -------------------------------------------------------------------------------

/** A phone the 爽约 rule blocks today (managers: the number in full, to call the citizen). */
export const BlockedPhone = z.object({
  phone: z.string(),
  /** The name on the latest missed appointment. */
  name: z.string(),
  /** Missed appointments within the window that triggered the block, first and last date. */
  count: z.number().int(),
  from: DateStr,
  last: DateStr,
  /** Booking is refused up to and including this date. */
  until: DateStr,
});
export type BlockedPhone = z.infer<typeof BlockedPhone>;

/** The most a pardon's reason may say. */
export const PARDON_REASON_MAX = 200;

/**
 * POST /api/appointments/pardons (managers): lift one phone's 爽约 block (解除限制), saying why
 * (illness, a slot missed through the hall's fault…). The misses up to now stop counting.
 */
export const PardonBody = z.object({
  phone: Phone,
  reason: z.string().trim().min(1, 'reason: say why the block is lifted').max(PARDON_REASON_MAX, `reason: at most ${PARDON_REASON_MAX} characters`),
});
export type PardonBody = z.infer<typeof PardonBody>;

/** A pardon as recorded: the block it lifted, why, by whom (user id) and when. */
export const MissedPardon = z.object({
  phone: z.string(),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
  lifted: BlockedPhone,
});
export type MissedPardon = z.infer<typeof MissedPardon>;

/** The hours a reminder may be set to; no reminder goes out from SMS_QUIET_FROM (22:00) on. */
export const SMS_REMINDER_HOURS = [7, 21] as const;
export const SMS_QUIET_FROM = 22;
/** The range of `personalDataDays` (a week to three years). */
export const PERSONAL_DATA_DAYS = [7, 1095] as const;
/** 扫码取号需验证手机号: the most numbers one phone may hold per queue per day (1–5). */
export const MOBILE_DAILY_LIMIT = [1, 5] as const;

export const CitizenSettings = z
  .object({
    /** Days of the week the hall takes appointments (0 = Sunday). */
    openDays: z.array(z.number().int().min(0).max(6)).max(7),
    /** Dates the hall is closed (holidays): no slots. */
    closedDates: z.array(DateStr).max(400),
    /** Opening sessions of a day; slots are cut from them. */
    sessions: z.array(z.object({ start: TimeOfDay, end: TimeOfDay })).min(1).max(6),
    slotMinutes: z.number().int().min(5).max(240),
    /** Appointments per queue per slot. */
    capacityPerSlot: z.number().int().min(0).max(1000),
    /** Per-queue overrides of capacityPerSlot; 0 means the queue takes no appointments. */
    capacityByQueue: z.record(QueueCode, z.number().int().min(0).max(1000)),
    /** How many days ahead a slot may be booked (0: today only). */
    bookingDaysAhead: z.number().int().min(0).max(90),
    /** A check-in this long before the slot starts is accepted (and counts from the slot start). */
    earlyMinutes: z.number().int().min(0).max(240),
    /** After the slot ends, a check-in still counts as on time for this long. */
    graceMinutes: z.number().int().min(0).max(240),
    /** After the grace: an ordinary ticket arriving now (`walk_in`), or refused (`refuse`). */
    late: z.enum(['walk_in', 'refuse']),
    /** With `late: walk_in`: after the slot ends, an appointment not checked in by then is missed. */
    missedAfterMinutes: z.number().int().min(0).max(1440),
    /**
     * 爽约 rule: this many missed appointments of one phone within `missedWindowDays` days block
     * its booking for `missedBlockDays` days from the last of them. 0 turns the rule off.
     */
    missedLimit: z.number().int().min(0, 'missedLimit: 0 (off) to 20').max(20, 'missedLimit: 0 (off) to 20'),
    missedWindowDays: z.number().int().min(1, 'missedWindowDays: 1 to 365 days').max(365, 'missedWindowDays: 1 to 365 days'),
    missedBlockDays: z.number().int().min(1, 'missedBlockDays: 1 to 365 days').max(365, 'missedBlockDays: 1 to 365 days'),
    /**
     * 个人信息保存期限: days after an appointment's date (a pardon, a text) its name and phone are
     * kept in full; then only the masked forms stay (张*, 138****5678). The 爽约 rule needs a
     * phone for missedWindowDays + missedBlockDays, so the longer of the two applies (`keptDays`).
     * A walk-in's phone for 快到您了 is kept only for its day, whatever this says.
     */
    personalDataDays: z
      .number()
      .int()
      .min(PERSONAL_DATA_DAYS[0], `personalDataDays: ${PERSONAL_DATA_DAYS[0]} to ${PERSONAL_DATA_DAYS[1]} days`)
      .max(PERSONAL_DATA_DAYS[1], `personalDataDays: ${PERSONAL_DATA_DAYS[0]} to ${PERSONAL_DATA_DAYS[1]} days`),
    /** How long after the service a ticket may be rated. */
    ratingHours: z.number().int().min(1).max(24 * 30),
    /** The kiosk returns to its start screen after this much idle time. */
    kioskIdleSeconds: z.number().int().min(10).max(600),
    /** Where phones reach the server (the QR code's base); empty: the kiosk's own address. */
    publicBaseUrl: z.union([z.literal(''), z.string().url().max(200)]),
    /** 短信提醒: text citizens (off until the centre has connected its SMS platform). */
    smsEnabled: z.boolean(),
    /** Which messages: 预约成功, the reminder the day before, 快到您了. */
    smsKinds: z.array(SmsKind).max(SmsKind.options.length),
    /** The day before an appointment, reminders go from this hour (local) until SMS_QUIET_FROM. */
    smsReminderHour: z
      .number()
      .int()
      .min(SMS_REMINDER_HOURS[0], `smsReminderHour: ${SMS_REMINDER_HOURS[0]} to ${SMS_REMINDER_HOURS[1]}`)
      .max(SMS_REMINDER_HOURS[1], `smsReminderHour: ${SMS_REMINDER_HOURS[0]} to ${SMS_REMINDER_HOURS[1]}`),
    /**
     * 扫码取号需验证手机号 (防黄牛): a number taken on a phone (channel `mobile`) needs a mobile
     * number confirmed by a texted code, and one number may hold at most `mobileDailyLimit`
     * waiting or called tickets per queue per day. Kiosks and the guide desk are not bound.
     */
    mobileVerify: z.boolean(),
    mobileDailyLimit: z
      .number()
      .int()
      .min(MOBILE_DAILY_LIMIT[0], `mobileDailyLimit: ${MOBILE_DAILY_LIMIT[0]} to ${MOBILE_DAILY_LIMIT[1]}`)
      .max(MOBILE_DAILY_LIMIT[1], `mobileDailyLimit: ${MOBILE_DAILY_LIMIT[0]} to ${MOBILE_DAILY_LIMIT[1]}`),
    /**
     * 场内扫码取号 (动态二维码): a number taken on a phone needs the code of the QR a kiosk's screen
     * shows now (it changes every minute, GET /api/mobile/onsite-code), so a photo of it sent out
     * of the hall is soon worthless. Kiosks and the guide desk are not bound.
     */
    mobileOnSite: z.boolean(),
    /**
     * 实名取号 (刷身份证取号): `off`; `optional`, the kiosk offers it beside the ordinary button;
     * `required`, a kiosk number needs a card (the guide desk and managers may still issue without).
     * A number taken with a card counts against `idDailyLimit` and may be 老年人优先.
     */
    idCard: IdCardMode,
    /** Numbers one person (one card) may hold, waiting or called, per queue per day. */
    idDailyLimit: z
      .number()
      .int()
      .min(ID_DAILY_LIMIT[0], `idDailyLimit: ${ID_DAILY_LIMIT[0]} to ${ID_DAILY_LIMIT[1]}`)
      .max(ID_DAILY_LIMIT[1], `idDailyLimit: ${ID_DAILY_LIMIT[0]} to ${ID_DAILY_LIMIT[1]}`),
    /** 老年人优先: a card whose holder is this old or older gets a `priority` ticket; 0 turns it off. */
    seniorPriorityAge: z
      .number()
      .int(`seniorPriorityAge: 0 (off) or ${SENIOR_PRIORITY_AGE[0]} to ${SENIOR_PRIORITY_AGE[1]}`)
      .refine((n) => n === 0 || (n >= SENIOR_PRIORITY_AGE[0] && n <= SENIOR_PRIORITY_AGE[1]), {
        message: `seniorPriorityAge: 0 (off) or ${SENIOR_PRIORITY_AGE[0]} to ${SENIOR_PRIORITY_AGE[1]}`,
      }),
  })
  .refine((s) => s.sessions.every((x) => x.start < x.end), { message: 'each session must start before it ends', path: ['sessions'] })
  .refine((s) => s.late === 'refuse' || s.missedAfterMinutes >= s.graceMinutes, {
    message: 'missedAfterMinutes must be at least graceMinutes',
    path: ['missedAfterMinutes'],
  })
  .refine((s) => new Set(s.smsKinds).size === s.smsKinds.length, { message: 'each kind once', path: ['smsKinds'] })
  .refine((s) => !s.smsEnabled || s.smsKinds.length > 0, { message: 'choose at least one kind of message, or turn SMS off', path: ['smsKinds'] })
  // The code goes by text: with SMS off no phone could take a number at all, so the pair is refused
  // (the manager hears it at once) rather than phone ticketing failing silently in the hall.
  .refine((s) => !s.mobileVerify || s.smsEnabled, {
    message: 'phones get their code by text: turn SMS (smsEnabled) on, or phone verification (mobileVerify) off',
    path: ['mobileVerify'],
  });

/** PUT /api/citizen/settings: the fields given replace theirs, the others stay. */
export const CitizenSettingsPatch = z.record(z.string(), z.unknown());

// ---- appointments ---------------------------------------------------------------------------

export const BookAppointmentBody = z.object({
  date: DateStr,
  /** The slot's start time, as listed by GET /api/appointments/slots. */
  slot: TimeOfDay,
  queue: QueueCode,
  matters: MatterIds.optional(),
  name: z.string().trim().min(1).max(40),
  phone: Phone,
  /** The booking platform's own reference, kept for reconciliation. */
  externalRef: z.string().max(64).optional(),
});

export const CheckInBody = z.object({
  code: AppointmentCode,
  /** Green channel (老年人/残疾人): the ticket goes before normal ones of its queue. */
  priority: Priority.optional(),
  /** The guide's note for the clerk (guide and manager only). */
  note: z.string().max(500).optional(),
  /** The guide's materials check (guide and manager only), for matters of the appointment. */
  checklist: GuideChecklist.optional(),
  /**
   * 刷身份证签到: the citizen's 居民身份证 number as the kiosk's or the desk's reader gave it. The
   * ticket is then real-name like one issued with a card (checked as there: id_card_invalid).
   * Needed from kiosks where the hall's idCard is `required` (id_card_required).
   */
  idCard: IdCardText.optional(),
});

/** An appointment as anyone but a manager sees it: name and phone masked. */
export const Appointment = z.object({
  /** Unguessable: knowing it is what lets the booker read or cancel it. */
  id: z.string(),
  code: AppointmentCode,
  date: DateStr,
  slot: TimeOfDay,
  slotStart: z.string(),
  slotEnd: z.string(),
  queue: QueueCode,
  matters: z.array(z.string()),
  name: z.string(),
  phone: z.string(),
  status: AppointmentStatus,
  createdAt: z.string(),
  externalRef: z.string().optional(),
  cancelledAt: z.string().optional(),
  checkedInAt: z.string().optional(),
  missedAt: z.string().optional(),
  /** The ticket of a checked-in appointment. */
  ticketId: z.string().optional(),
  ticketNumber: z.string().optional(),
  /** Checked in after the grace (walk-in rule): it did not keep its slot time. */
  late: z.boolean().optional(),
});

/** `ticket` carries the note and checklist only for staff (a kiosk gets the plain Ticket fields). */
export const CheckInResult = z.object({ appointment: Appointment, ticket: TicketDetail });

export const Slot = z.object({
  slot: TimeOfDay,
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
});

export const SlotList = z.object({ date: DateStr, queue: QueueCode, open: z.boolean(), slots: z.array(Slot) });

export const AppointmentQuery = z.object({
  date: DateStr.optional(),
  queue: QueueCode.optional(),
  status: AppointmentStatus.optional(),
});

export type CitizenSettings = z.infer<typeof CitizenSettings>;
export type BookAppointmentBody = z.infer<typeof BookAppointmentBody>;
export type CheckInBody = z.infer<typeof CheckInBody>;
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;
export type Appointment = z.infer<typeof Appointment>;
export type CheckInResult = z.infer<typeof CheckInResult>;
export type Slot = z.infer<typeof Slot>;
export type SlotList = z.infer<typeof SlotList>;

// ---- 短信提醒 for a walk-in ticket ----------------------------------------------------------

/** PUT /api/tickets/:id/sms: the phone the holder wants the 快到您了 text on (11-digit mainland mobile). */
export const TicketSmsBody = z.object({ phone: Phone });
export type TicketSmsBody = z.infer<typeof TicketSmsBody>;

/**
 * GET/PUT/DELETE /api/tickets/:id/sms: the ticket's text reminder as its holder sees it. The phone
 * is always masked (138****5678); the full number never leaves the server except to the gateway.
 */
export const TicketSms = z.object({
  /** The hall texts 快到您了 (SMS on, that kind ticked) and this ticket may take a phone (waiting, today's). */
  available: z.boolean(),
  /** The number the text goes to, masked; absent while none. */
  phone: z.string().optional(),
  /** `appointment`: the booking's phone, set at booking (not changed here); `ticket`: added by the holder. */
  source: z.enum(['ticket', 'appointment']).optional(),
  /** Already NEAR_AHEAD or fewer ahead: no text will come for this ticket (请留意叫号). */
  near: z.boolean(),
});
export type TicketSms = z.infer<typeof TicketSms>;

/** The kiosk and the phone page check a typed number with this before sending it (zod-free, shared/mobileNumber.ts). */
export { isMobile };

// ---- personal data retention (个人信息保存期限) ------------------------------------------------

/** What one clean-up masked or removed; all zero when nothing was old enough. */
export const RetentionCounts = z.object({
  /** Appointments dated before the cut-off whose name and phone were masked. */
  appointments: z.number().int().min(0),
  /** 爽约 pardons made before the cut-off whose phone was masked. */
  pardons: z.number().int().min(0),
  /** Texts written before the cut-off whose phone was masked. */
  sms: z.number().int().min(0),
  /** Walk-ins' phones of past days, removed: 快到您了 phones, and phone tickets' verified numbers and codes. */
  ticketPhones: z.number().int().min(0),
  /**
   * 实名取号 records: a past day's card hash dropped (the per-person limit is per day), and a
   * ticket's masked number, age and birth year removed once older than the cut-off.
   */
  idCards: z.number().int().min(0),
  /** 容缺台账 records (shared/deferral.ts) accepted before the cut-off whose applicant's name and phone were masked. */
  deferrals: z.number().int().min(0),
});
export type RetentionCounts = z.infer<typeof RetentionCounts>;

/** GET /api/citizen/retention (managers): the rule in force and what the last clean-up did. */
export const RetentionStatus = z.object({
  /** The setting. */
  personalDataDays: z.number().int(),
  /** The days actually kept: the setting, or longer when the 爽约 rule needs it. */
  keptDays: z.number().int(),
  /** Records dated before this day (YYYY-MM-DD, the hall's zone) keep only masked forms. */
  cutoff: DateStr,
  /** The last clean-up since the server started (it runs at start and every hour), or null. */
  lastRun: z.union([z.null(), z.object({ at: z.number().int(), counts: RetentionCounts })]),
  /** Records older than the cut-off still holding a full name or phone (0 right after a clean-up). */
  pending: RetentionCounts,
});
export type RetentionStatus = z.infer<typeof RetentionStatus>;

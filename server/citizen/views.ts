/** Records → the wire shapes of shared/citizen.ts and shared/ratings.ts. Masking happens here, nowhere else. */
import type { Appointment } from '../../shared/citizen';
import type { Rating, RatingFollowUp, RatingRecord } from '../../shared/ratings';
import type { AppointmentRec } from './appointment-repo';
import type { FollowUpRec } from './follow-up-repo';
import type { RatingRec } from './rating-repo';
import { isComplaint, maskName, maskPhone, ratingLevel } from './rules';

const iso = (at: number): string => new Date(at).toISOString();

/**
 * `reveal`: the full name and phone (managers only: they may need to reach the citizen);
 * everyone else, the booker included, sees them masked (张*, 138****5678).
 */
export function appointmentView(a: AppointmentRec, opts: { reveal: boolean; ticketNumber?: string | undefined }): Appointment {
  const v: Appointment = {
    id: a.id,
    code: a.code,
    date: a.date,
    slot: a.slot,
    slotStart: iso(a.slotStart),
    slotEnd: iso(a.slotEnd),
    queue: a.queue,
    matters: [...a.matters],
    name: opts.reveal ? a.name : maskName(a.name),
    phone: opts.reveal ? a.phone : maskPhone(a.phone),
    status: a.status,
    createdAt: iso(a.createdAt),
  };
  if (a.externalRef !== undefined) v.externalRef = a.externalRef;
  if (a.cancelledAt !== undefined) v.cancelledAt = iso(a.cancelledAt);
  if (a.checkedInAt !== undefined) v.checkedInAt = iso(a.checkedInAt);
  if (a.missedAt !== undefined) v.missedAt = iso(a.missedAt);
  if (a.ticketId !== undefined) v.ticketId = a.ticketId;
  if (opts.ticketNumber !== undefined) v.ticketNumber = opts.ticketNumber;
  if (a.status === 'checked_in') v.late = a.late;
  return v;
}

export function ratingView(r: RatingRec): Rating {
  const v: Rating = {
    ticketId: r.ticketId,
    channel: r.channel,
    number: r.number,
    queue: r.queue,
    serviceDay: r.serviceDay,
    score: r.score,
    level: ratingLevel(r.score),
    reasons: [...r.reasons],
    ratedAt: iso(r.ratedAt),
  };
  if (r.windowNo !== undefined) v.windowNo = r.windowNo;
  if (r.comment !== undefined) v.comment = r.comment;
  return v;
}

/** For managers: who served, and a 差评's follow-up (open without a record). */
export function ratingRecordView(r: RatingRec, followUp?: FollowUpRec): RatingRecord {
  const v: RatingRecord = ratingView(r);
  if (r.clerkId !== undefined) v.clerkId = r.clerkId;
  if (isComplaint(r.score)) v.followUp = followUpView(followUp);
  return v;
}

export function followUpView(f: FollowUpRec | undefined): RatingFollowUp {
  if (!f) return { status: 'open' };
  const v: RatingFollowUp = { status: 'handled', note: f.note, by: f.by, at: iso(f.at) };
  if (f.byName !== undefined) v.byName = f.byName;
  return v;
}

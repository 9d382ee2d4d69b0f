/** Row shapes of the state tables and their mapping to domain records. */
import type { Channel, ClosedReason, GuideChecklistEntry, MappingEntry, PauseReason, Priority, TicketStatus, WindowKind } from '../../shared/schemas';
import type { QueueRuntime, TicketRec, TransferHandoverRec, WindowRec } from '../domain';

export interface HallRow {
  id: string;
  name: string;
  name_en: string;
  timezone: string;
  service_day: string;
  seq: number;
  settings: string;
}

export interface QueueRow {
  hall_id: string;
  code: string;
  name: string;
  name_en: string;
  category: string;
  target_wait_minutes: number;
  priority_queue: number;
  number_start: number;
  number_end: number;
  sort: number;
  next_number: number;
  avg_service_seconds: number;
  prefix: string | null;
}

export interface WindowRow {
  hall_id: string;
  no: number;
  name: string;
  name_en: string;
  zone: string;
  zone_en: string;
  kind: string;
  mapping: string;
  clerk_id: string | null;
  pause_reason: string | null;
  current_ticket_id: string | null;
  priority_streak: number;
  enabled: number;
}

export interface TicketRow {
  id: string;
  hall_id: string;
  service_day: string;
  number: string;
  queue: string;
  status: string;
  priority: string;
  channel: string;
  matters: string;
  note: string | null;
  issued_at: number;
  arrived_at: number;
  ord: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  window_no: number | null;
  served_by: string | null;
  recalls: number;
  closed_reason: string | null;
  transferred_from: string | null;
  checklist: string | null;
  /** JSON TransferHandoverRec (migration 0032). */
  handover: string | null;
  target_wait_minutes: number | null;
  /** 0 or 1 (migration 0012). */
  auto_called: number;
}

export function queueFromRow(r: QueueRow): QueueRuntime {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    category: r.category,
    targetWaitMinutes: r.target_wait_minutes,
    priorityQueue: r.priority_queue === 1,
    numberStart: r.number_start,
    numberEnd: r.number_end,
    sort: r.sort,
    nextNumber: r.next_number,
    avgServiceSeconds: r.avg_service_seconds,
    ...(r.prefix !== null && r.prefix !== r.code ? { prefix: r.prefix } : {}),
  };
}

export function queueToRow(hallId: string, q: QueueRuntime): QueueRow {
  return {
    hall_id: hallId,
    code: q.code,
    name: q.name,
    name_en: q.nameEn,
    category: q.category,
    target_wait_minutes: q.targetWaitMinutes,
    priority_queue: q.priorityQueue ? 1 : 0,
    number_start: q.numberStart,
    number_end: q.numberEnd,
    sort: q.sort,
    next_number: q.nextNumber,
    avg_service_seconds: q.avgServiceSeconds,
    prefix: q.prefix ?? null,
  };
}

export function windowFromRow(r: WindowRow): WindowRec {
  const w: WindowRec = {
    no: r.no,
    name: r.name,
    nameEn: r.name_en,
    zone: r.zone,
    kind: r.kind as WindowKind,
    mapping: JSON.parse(r.mapping) as MappingEntry[],
    priorityStreak: r.priority_streak,
  };
  if (r.clerk_id) w.clerkId = r.clerk_id;
  if (r.pause_reason) w.pauseReason = r.pause_reason as PauseReason;
  if (r.current_ticket_id) w.currentTicketId = r.current_ticket_id;
  if (r.enabled === 0) w.enabled = false;
  if (r.zone_en) w.zoneEn = r.zone_en;
  return w;
}

export function windowToRow(hallId: string, w: WindowRec): WindowRow {
  return {
    hall_id: hallId,
    no: w.no,
    name: w.name,
    name_en: w.nameEn,
    zone: w.zone,
    kind: w.kind,
    mapping: JSON.stringify(w.mapping),
    clerk_id: w.clerkId ?? null,
    pause_reason: w.pauseReason ?? null,
    current_ticket_id: w.currentTicketId ?? null,
    priority_streak: w.priorityStreak,
    enabled: w.enabled === false ? 0 : 1,
    zone_en: w.zoneEn ?? '',
  };
}

export function ticketFromRow(r: TicketRow): TicketRec {
  const t: TicketRec = {
    id: r.id,
    serviceDay: r.service_day,
    number: r.number,
    queue: r.queue,
    status: r.status as TicketStatus,
    priority: r.priority as Priority,
    channel: r.channel as Channel,
    matters: JSON.parse(r.matters) as string[],
    issuedAt: r.issued_at,
    arrivedAt: r.arrived_at,
    order: r.ord,
    recalls: r.recalls,
  };
  if (r.note !== null) t.note = r.note;
  if (r.called_at !== null) t.calledAt = r.called_at;
  if (r.started_at !== null) t.startedAt = r.started_at;
  if (r.finished_at !== null) t.finishedAt = r.finished_at;
  if (r.window_no !== null) t.windowNo = r.window_no;
  if (r.served_by !== null) t.servedBy = r.served_by;
  if (r.closed_reason !== null) t.closedReason = r.closed_reason as ClosedReason;
  if (r.transferred_from !== null) t.transferredFrom = r.transferred_from;
  if (r.checklist !== null) t.checklist = JSON.parse(r.checklist) as GuideChecklistEntry[];
  if (r.handover !== null) t.handover = JSON.parse(r.handover) as TransferHandoverRec;
  if (r.target_wait_minutes !== null) t.targetWaitMinutes = r.target_wait_minutes;
  if (r.auto_called) t.autoCalled = true;
  return t;
}

export function ticketToRow(hallId: string, t: TicketRec): TicketRow {
  return {
    id: t.id,
    hall_id: hallId,
    service_day: t.serviceDay,
    number: t.number,
    queue: t.queue,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    matters: JSON.stringify(t.matters),
    note: t.note ?? null,
    issued_at: t.issuedAt,
    arrived_at: t.arrivedAt,
    ord: t.order,
    called_at: t.calledAt ?? null,
    started_at: t.startedAt ?? null,
    finished_at: t.finishedAt ?? null,
    window_no: t.windowNo ?? null,
    served_by: t.servedBy ?? null,
    recalls: t.recalls,
    closed_reason: t.closedReason ?? null,
    transferred_from: t.transferredFrom ?? null,
    checklist: t.checklist ? JSON.stringify(t.checklist) : null,
    handover: t.handover ? JSON.stringify(t.handover) : null,
    target_wait_minutes: t.targetWaitMinutes ?? null,
    auto_called: t.autoCalled ? 1 : 0,
  };
}

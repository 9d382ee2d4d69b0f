/**
 * Audit entries (the hall's event log) in words (pure): one line per entry, from its type and
 * data. The log holds every event, so the page can show only manager actions or everything.
 */
import type { AuditEntry } from '../../../../shared/admin';
import { retentionCountsOf, retentionTotal } from './retention';

export type AuditKey =
  | 'audit.TicketIssued'
  | 'audit.TicketCalled'
  | 'audit.TicketRecalled'
  | 'audit.TicketStarted'
  | 'audit.TicketCompleted'
  | 'audit.TicketNoShow'
  | 'audit.TicketReinstated'
  | 'audit.TicketTransferred'
  | 'audit.TicketRequeued'
  | 'audit.TicketCancelled'
  | 'audit.WindowSignedIn'
  | 'audit.WindowSignedOut'
  | 'audit.WindowPaused'
  | 'audit.WindowResumed'
  | 'audit.MappingChanged'
  | 'audit.DayStarted'
  | 'audit.TicketingStopped'
  | 'audit.TicketingReopened'
  | 'audit.TicketingChanged'
  | 'audit.SettingsChanged'
  | 'audit.QueueChanged'
  | 'audit.QueuePrefixChanged'
  | 'audit.ClerkAdded'
  | 'audit.ClerkChanged'
  | 'audit.ClerkRemoved'
  | 'audit.ClerkPhotoAdded'
  | 'audit.ClerkPhotoChanged'
  | 'audit.ClerkPhotoRemoved'
  | 'audit.MatterAdded'
  | 'audit.MatterChanged'
  | 'audit.MatterRemoved'
  | 'audit.WindowEnabled'
  | 'audit.WindowDisabled'
  | 'audit.CitizenSettingsChanged'
  | 'audit.RatingFollowedUp'
  | 'audit.RatingFollowUpReopened'
  | 'audit.MissedBlockPardoned'
  | 'audit.MobileTicketPhoneVerified'
  | 'audit.DeviceRemoved'
  | 'audit.PersonalDataPurged'
  | 'audit.SmsRetried'
  | 'audit.RatingPushRetried'
  | 'audit.AssistSmsSettingsChanged'
  | 'audit.QueueAlertSettingsChanged'
  | 'audit.Announced'
  | 'audit.AssistRaised'
  | 'audit.CareMarked'
  | 'audit.AssistAcknowledged'
  | 'audit.AssistResolved'
  | 'audit.AssistCancelled'
  | 'audit.KioskHelpRaised'
  | 'audit.KioskHelpAcknowledged'
  | 'audit.KioskHelpResolved'
  | 'audit.KioskHelpCancelled'
  | 'audit.DeferralAccepted'
  | 'audit.DeferralDone'
  | 'audit.DeferralCancelled'
  | 'audit.QuestionAsked'
  | 'audit.QuestionAnswered'
  | 'audit.QuestionAnswerEdited'
  | 'audit.QuestionPublished'
  | 'audit.QuestionUnpublished'
  | 'audit.QuestionWithdrawn'
  | 'audit.AnnouncedZone'
  | 'audit.BackupMade'
  | 'audit.BackupFailed'
  | 'audit.BackupDownloaded'
  | 'audit.BackupCopyFailed'
  | 'audit.BackupDamaged'
  | 'audit.BackupRepaired'
  | 'audit.BackupRepairedLocal'
  | 'audit.other';

export interface AuditLine {
  key: AuditKey;
  params: Record<string, string | number>;
}

/** Changes to the hall's set-up: always a manager's doing. */
const SETUP = new Set([
  'MappingChanged',
  'SettingsChanged',
  'QueueChanged',
  'ClerkChanged',
  'ClerkRemoved',
  'ClerkPhotoChanged',
  'MatterChanged',
  'MatterRemoved',
  'WindowEnabledChanged',
  'CitizenSettingsChanged',
  'RatingFollowedUp',
  'RatingFollowUpReopened',
  'MissedBlockPardoned',
  'SmsRetried',
  'RatingPushRetried',
  'AssistSmsSettingsChanged',
  'QueueAlertSettingsChanged',
]);

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** "A、B(溢出)" — a mapping in one short line; `overflow` is the word for the overflow role. */
export function mappingText(v: unknown, overflow: string): string {
  if (!Array.isArray(v)) return '';
  return v
    .map((m) => {
      const e = obj(m);
      return e.role === 'overflow' ? `${str(e.queue)}(${overflow})` : str(e.queue);
    })
    .join('、');
}

/** A follow-up note in a log line: the first 40 characters, one line (the 好差评 page has it whole). */
export function shortNote(v: unknown, max = 40): string {
  const one = str(v).replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** The settings keys that differ between two settings objects. */
export function changedKeys(after: unknown, before: unknown): string[] {
  const a = obj(after);
  const b = obj(before);
  return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export interface AuditWords {
  overflow: string;
  settingName: (key: string) => string;
  pauseReason: (reason: string) => string;
  /** 求助's kind in words (question → 业务疑难); the code itself when absent. */
  assistKind?: (kind: string) => string;
  /** 取号机呼叫: an unnamed kiosk in words (3 → 自助取号机 3); the number itself when absent. */
  kioskNo?: (no: number) => string;
}

export function describeAudit(entry: AuditEntry, words: AuditWords): AuditLine {
  const d = obj(entry.data);
  const no = str(d.windowNo);
  switch (entry.type) {
    case 'TicketIssued': {
      const t = obj(d.ticket);
      return { key: 'audit.TicketIssued', params: { number: str(t.number) } };
    }
    case 'TicketCalled':
    case 'TicketRecalled':
    case 'TicketStarted':
    case 'TicketCompleted':
    case 'TicketNoShow':
    case 'TicketRequeued':
    case 'WindowSignedOut':
    case 'WindowResumed':
      return { key: `audit.${entry.type}`, params: { no } };
    case 'TicketReinstated':
    case 'TicketCancelled':
      return { key: `audit.${entry.type}`, params: {} };
    case 'TicketTransferred':
      return { key: 'audit.TicketTransferred', params: { no, from: str(d.from), to: str(d.to) } };
    case 'WindowSignedIn':
      return { key: 'audit.WindowSignedIn', params: { no, who: entry.actor.name ?? entry.actor.username ?? '' } };
    case 'WindowPaused':
      return { key: 'audit.WindowPaused', params: { no, reason: words.pauseReason(str(d.reason)) } };
    case 'MappingChanged':
      return {
        key: 'audit.MappingChanged',
        params: { no, before: mappingText(d.before, words.overflow) || '—', after: mappingText(d.mapping, words.overflow) || '—' },
      };
    case 'DayStarted':
      return { key: 'audit.DayStarted', params: { day: str(d.serviceDay) } };
    case 'TicketingChanged': {
      // 停止取号 by the server's own check: which queues stopped (the wait runs past closing) or reopened.
      const list = (v: unknown) => (Array.isArray(v) ? v.map(str).join('、') : '');
      const stopped = list(d.stopped);
      const reopened = list(d.reopened);
      if (stopped && reopened) return { key: 'audit.TicketingChanged', params: { stopped, reopened } };
      return reopened ? { key: 'audit.TicketingReopened', params: { queues: reopened } } : { key: 'audit.TicketingStopped', params: { queues: stopped || '—' } };
    }
    case 'SettingsChanged':
      return {
        key: 'audit.SettingsChanged',
        params: { what: changedKeys(d.settings, d.before).map(words.settingName).join('、') || '—' },
      };
    case 'QueueChanged': {
      const q = obj(d.queue);
      const params = { code: str(q.code), name: str(q.name) };
      // The number prefix is worth naming: citizens see it on every ticket. Absent means the code.
      const before = str(obj(d.before).prefix) || str(obj(d.before).code);
      const after = str(q.prefix) || str(q.code);
      return before && after !== before ? { key: 'audit.QueuePrefixChanged', params: { ...params, before, after } } : { key: 'audit.QueueChanged', params };
    }
    case 'ClerkChanged': {
      const c = obj(d.clerk);
      return { key: d.before ? 'audit.ClerkChanged' : 'audit.ClerkAdded', params: { name: str(c.name), username: str(c.username) } };
    }
    case 'ClerkRemoved':
      return { key: 'audit.ClerkRemoved', params: { id: str(d.clerkId) } };
    case 'ClerkPhotoChanged': {
      // 亮证亮照: added, replaced or removed, by what the photo was before and after.
      const key = d.photoVersion === undefined ? 'audit.ClerkPhotoRemoved' : d.before === undefined ? 'audit.ClerkPhotoAdded' : 'audit.ClerkPhotoChanged';
      return { key, params: { name: str(d.name), username: str(d.username) } };
    }
    case 'MatterChanged': {
      const m = obj(d.matter);
      return { key: d.before ? 'audit.MatterChanged' : 'audit.MatterAdded', params: { name: str(m.name), id: str(m.id) } };
    }
    case 'MatterRemoved':
      return { key: 'audit.MatterRemoved', params: { id: str(d.matterId) } };
    case 'WindowEnabledChanged':
      return { key: d.enabled === true ? 'audit.WindowEnabled' : 'audit.WindowDisabled', params: { no } };
    case 'CitizenSettingsChanged':
      return {
        key: 'audit.CitizenSettingsChanged',
        params: { what: changedKeys(d.after, d.before).map(words.settingName).join('、') || '—' },
      };
    case 'RatingFollowedUp':
      return { key: 'audit.RatingFollowedUp', params: { number: str(obj(d.after).number), note: shortNote(obj(d.after).note) || '—' } };
    case 'RatingFollowUpReopened':
      return { key: 'audit.RatingFollowUpReopened', params: { number: str(obj(d.before).number) } };
    case 'MissedBlockPardoned':
      // 解除限制: the number as logged (masked since the log outlives the 个人信息保存期限).
      return { key: 'audit.MissedBlockPardoned', params: { phone: str(obj(d.after).phone), reason: shortNote(obj(d.after).reason) || '—' } };
    case 'PersonalDataPurged': {
      // 个人信息保存期限: how many records lost their names and phones, and from before which day.
      const a = obj(d.after);
      return { key: 'audit.PersonalDataPurged', params: { cutoff: str(a.cutoff), n: retentionTotal(retentionCountsOf(a)) } };
    }
    case 'SmsRetried':
      // 重发短信: the phone as the 短信提醒 page shows it (masked), and the error it had.
      return { key: 'audit.SmsRetried', params: { phone: str(obj(d.before).phone), error: shortNote(obj(d.before).lastError) || '—' } };
    case 'RatingPushRetried':
      // 重推: which ticket's report, and the platform's refusal it had.
      return { key: 'audit.RatingPushRetried', params: { number: str(obj(d.before).number), error: shortNote(obj(d.before).lastError) || '—' } };
    case 'AssistSmsSettingsChanged': {
      // 求助短信: the duty phones (masked, as the server logged them) and the minutes, as they are now.
      const a = obj(d.after);
      const phones = Array.isArray(a.dutyPhones) ? a.dutyPhones.map(str).join('、') : '';
      return { key: 'audit.AssistSmsSettingsChanged', params: { phones: phones || '—', minutes: str(a.minutes) } };
    }
    case 'QueueAlertSettingsChanged': {
      // 排队预警: the settings as they are now.
      const a = obj(d.after);
      return { key: 'audit.QueueAlertSettingsChanged', params: { minutes: str(a.minutes), cooldown: str(a.cooldownMinutes), waiting: str(a.minWaiting) } };
    }
    case 'DeviceRemoved':
      // 设备状态: a screen taken off the list (it left the hall).
      return { key: 'audit.DeviceRemoved', params: { id: str(obj(d.before).id) } };
    case 'MobileTicketPhoneVerified': {
      // 扫码取号需验证手机号: which number went to which phone (masked, as the server logged it).
      const a = obj(d.after);
      return { key: 'audit.MobileTicketPhoneVerified', params: { number: str(a.number), phone: str(a.phone) } };
    }
    case 'BackupMade':
      // 数据备份: which file was written, and which were taken away (a download: it holds personal data).
      return { key: 'audit.BackupMade', params: { name: str(obj(d.after).name) } };
    case 'BackupDownloaded':
      return { key: 'audit.BackupDownloaded', params: { name: str(obj(d.after).name) } };
    case 'BackupFailed':
      return { key: 'audit.BackupFailed', params: { error: shortNote(obj(d.after).error, 80) || '—' } };
    case 'BackupCopyFailed':
      return { key: 'audit.BackupCopyFailed', params: { error: shortNote(obj(d.after).error, 80) || '—' } };
    case 'BackupDamaged':
      // 复核 found a kept backup or copy changed since it was written: which file, and why.
      return { key: 'audit.BackupDamaged', params: { name: str(obj(d.after).name), error: shortNote(obj(d.after).error, 80) || '—' } };
    case 'BackupRepaired':
      // …and written again from its good twin in the other folder (本机备份 or 异地副本).
      return { key: obj(d.after).place === 'local' ? 'audit.BackupRepairedLocal' : 'audit.BackupRepaired', params: { name: str(obj(d.after).name), from: str(obj(d.after).from) } };
    case 'Announced': {
      // 语音广播: what the walls said, and where if not the whole hall.
      const a = obj(d.after);
      // With its English, both (the English after a slash, as it was spoken after the Chinese).
      const en = shortNote(a.textEn, 40);
      const text = (shortNote(a.text, 60) || '—') + (en ? ` / ${en}` : '');
      return a.zone ? { key: 'audit.AnnouncedZone', params: { text, zone: str(a.zone) } } : { key: 'audit.Announced', params: { text } };
    }
    case 'AssistRaised':
    case 'AssistAcknowledged':
    case 'AssistResolved':
    case 'AssistCancelled': {
      // 求助: which window, what kind, and what was done when it was settled.
      const a = obj(d.after);
      const kind = str(a.kind);
      return {
        key: `audit.${entry.type}`,
        params: { no: str(a.windowNo), kind: words.assistKind ? words.assistKind(kind) : kind, outcome: shortNote(a.outcome) || '—' },
      };
    }
    case 'KioskHelpRaised':
    case 'KioskHelpAcknowledged':
    case 'KioskHelpResolved':
    case 'KioskHelpCancelled': {
      // 取号机呼叫: which kiosk — its name, else its place among the kiosks, else the end of its id.
      const a = obj(d.after);
      const no = typeof a.kioskNo === 'number' ? a.kioskNo : undefined;
      const kiosk = str(a.kioskName) || (no !== undefined ? (words.kioskNo ? words.kioskNo(no) : String(no)) : `…${str(a.kioskId).slice(-4)}`);
      return { key: `audit.${entry.type}`, params: { kiosk } };
    }
    case 'CareMarked': {
      // 关怀提醒: whom a manager looked after, and what they noted.
      const a = obj(d.after);
      return { key: 'audit.CareMarked', params: { name: str(a.name), note: shortNote(a.note) || '—' } };
    }
    case 'DeferralAccepted':
    case 'DeferralDone':
    case 'DeferralCancelled': {
      // 容缺受理: which number and matter, by when, and why it was withdrawn.
      const a = obj(d.after);
      return {
        key: `audit.${entry.type}`,
        params: { number: str(a.ticketNumber), matter: str(a.matterName), deadline: str(a.deadline), reason: shortNote(a.cancelReason) || '—' },
      };
    }
    case 'QuestionAsked':
    case 'QuestionAnswered':
    case 'QuestionAnswerEdited':
    case 'QuestionPublished':
    case 'QuestionUnpublished':
    case 'QuestionWithdrawn':
      // 疑难问题: the question, shortened (who did it is the line's actor).
      return { key: `audit.${entry.type}`, params: { text: shortNote(obj(d.after).text) || '—' } };
    default:
      return { key: 'audit.other', params: { type: entry.type } };
  }
}

/** A manager's action: a set-up change, or anything done by a manager account. */
export const isManagerAction = (entry: AuditEntry, managerIds: ReadonlySet<string>): boolean =>
  SETUP.has(entry.type) || managerIds.has(entry.actor.id);

/** The citizen-side settings a hall starts with (a manager changes them: PUT /api/citizen/settings). */
import type { CitizenSettings } from '../../shared/citizen';

export const DEFAULT_CITIZEN_SETTINGS: CitizenSettings = {
  openDays: [1, 2, 3, 4, 5],
  closedDates: [],
  sessions: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:00' },
  ],
  slotMinutes: 30,
  capacityPerSlot: 4,
  // Picking up a certificate takes a minute: no appointment needed.
  capacityByQueue: { K: 0 },
  bookingDaysAhead: 7,
  earlyMinutes: 30,
  graceMinutes: 15,
  late: 'walk_in',
  missedAfterMinutes: 60,
  // 爽约: three missed appointments within 30 days → no booking for 30 days.
  missedLimit: 3,
  missedWindowDays: 30,
  missedBlockDays: 30,
  // 个人信息保存期限: half a year of names and phones in full, then masked (docs/citizen.md).
  personalDataDays: 180,
  ratingHours: 72,
  kioskIdleSeconds: 45,
  publicBaseUrl: '',
  // 短信提醒: off until the centre connects its SMS platform (docs/sms.md); then all three kinds.
  smsEnabled: false,
  smsKinds: ['booked', 'reminder', 'near_turn'],
  smsReminderHour: 18,
  // 扫码取号需验证手机号: off, as before it existed; when on, one number per phone, queue and day.
  mobileVerify: false,
  mobileDailyLimit: 1,
  // 场内扫码取号: off, as before it existed (a poster's QR takes numbers).
  mobileOnSite: false,
  // 实名取号: off for a new hall (its kiosks may have no card reader); when turned on, one number per
  // person, queue and day, and 老年人优先 off until the manager picks an age.
  idCard: 'off',
  idDailyLimit: 1,
  seniorPriorityAge: 0,
};

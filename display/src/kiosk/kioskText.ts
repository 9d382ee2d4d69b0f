/**
 * Words of the kiosk and the guide desk, Chinese first, English switchable with one tap.
 * Pure data and small formatters; `Lang` is the displays' own (shared/i18n.ts).
 */
import type { Lang } from '../shared/i18n';

/** "3–8" that never breaks across lines after the dash (word joiners, silent to screen readers); en keeps "8 min" together too. */
export const minutesSpan = (lo: number, hi: number): string => `${lo}\u2060–\u2060${hi}`;

const zh = {
  htmlLang: 'zh-CN',
  appTitle: '自助取号',
  guideTitle: '导办台',
  mobileTitle: '手机取号',
  myTickets: '您今天取的号',
  openMine: '查看排队进度',
  welcome: '您好，请选择要办理的业务',
  chooseCategory: '请选择业务类别',
  chooseQueue: '请选择业务',
  chooseMatter: '请选择办理事项',
  confirmTitle: '请确认并取号',
  otherMatter: '其他事项 / 不确定',
  otherMatterHint: '到窗口后，由工作人员为您确认',
  materials: '请准备以下材料（一次性告知）',
  noMaterials: '到窗口后由工作人员告知所需材料',
  greenChannel: '老年人 / 残疾人 绿色通道',
  greenChannelHint: '开启后，优先叫号',
  takeTicket: '取号',
  taking: '正在取号…',
  back: '返回',
  home: '首页',
  waitingPeople: (n: number) => `等候 ${n} 人`,
  minutes: (n: number) => `约 ${n} 分钟`,
  checkIn: '预约签到',
  checkInHint: '请输入 8 位预约码',
  checkInButton: '签到取号',
  codeLabel: '预约码',
  digit: (d: string) => `数字 ${d}`,
  clear: '清空',
  del: '删除',
  yourNumber: '您的号码',
  ahead: (n: number) => (n === 0 ? '前面没有人等候' : `前面还有 ${n} 人`),
  eta: (min: number) => (min <= 0 ? '即将叫号' : `预计等候约 ${min} 分钟`),
  etaRange: (lo: number, hi: number) => `预计等候约 ${minutesSpan(lo, hi)} 分钟`,
  scan: '手机扫码，查看排队进度，叫号时提醒您',
  qrLabel: '查看排队进度的二维码',
  printing: '正在打印小票，请取走',
  printAgain: '重新打印',
  done: '完成',
  returnsIn: (s: number) => `${s} 秒后返回首页`,
  offline: '无法连接服务器，暂停取号。请稍候，或到导办台咨询。',
  connecting: '正在连接服务器…',
  catalogueFailed: '无法读取业务清单，正在重试…',
  issueOffline: '无法连接服务器，未能出号。请重试，或到导办台咨询。',
  issueFailed: '取号失败，未能出号。请重试，或到导办台咨询。',
  numbersExhausted: '今日该业务号码已发完，请到导办台咨询。',
  ticketHours: (hours: string) => `取号时间 ${hours}`,
  closedNow: '现在不是取号时间',
  opensAt: (at: string, tomorrow: boolean) => (tomorrow ? `明天 ${at} 起取号。有预约的可以签到。` : `${at} 起取号。有预约的可以签到。`),
  outsideHours: (hours: string) => `现在不是取号时间（取号时间 ${hours}），请到导办台咨询。`,
  queueStopped: '该业务今日已停止取号：现在取号预计在下班前办理不完。请明天再来，或到导办台咨询。',
  stoppedMark: '今日已停止取号',
  notAllowed: '本机暂不能取号，请到导办台咨询。',
  mobileNotAllowed: '本大厅暂未开放手机取号，请到大厅的取号机取号。',
  largeType: '大字模式',
  speak: '语音播报',
  otherLanguage: 'English',
  otherLanguageLabel: 'Switch to English',
  priorityMark: '绿色通道',
  appointmentMark: '预约',
  noticesTitle: '温馨提示',
  receiptTitle: '排队小票',
  issuedAt: '取号时间',
  keepTicket: '请留意叫号屏幕和语音，过号请到导办台。',
  checkInErrors: {
    notFound: '未找到该预约码，请核对后重新输入。',
    already: (n: string | null) => (n ? `该预约已签到，号码为 ${n}。` : '该预约已签到。'),
    tooEarly: (t: string | null) => (t ? `还未到签到时间，请于 ${t} 后签到。` : '还未到签到时间。'),
    otherDay: (d: string | null) => (d ? `您的预约日期是 ${d}，不是今天。` : '您的预约不是今天。'),
    cancelled: '该预约已取消。请直接取号。',
    missed: '该预约已过期。请直接取号。',
    badCode: '预约码为 8 位数字。',
    tooMany: '输错次数过多，请稍后再试，或到导办台办理签到。',
  },
  speech: {
    start: '您好，请选择业务类别，或点击预约签到',
    queues: '请选择要办理的业务',
    matters: '请选择办理事项',
    confirm: '请确认需要携带的材料，然后点击取号',
    checkin: '请输入八位预约码',
    ticket: (n: string, ahead: number) => `取号成功，您的号码是 ${n.split('').join(' ')}，前面还有 ${ahead} 人，请取走小票`,
    failed: '取号失败，请到导办台咨询',
  },
  categories: {} as Record<string, string>,
  guide: {
    signIn: '导办员登录',
    username: '账号',
    password: '密码',
    signInButton: '登录',
    signOut: '退出登录',
    wrongRole: '该账号不是导办员账号。',
    badLogin: '账号或密码不正确。',
    search: '搜索事项',
    searchPlaceholder: '输入事项名称',
    pickMatters: '选择事项（可多选：一件事一次办）',
    selected: '已选事项',
    noneSelected: '请先在左侧选择事项',
    haveMaterials: '核验材料（勾选已带齐的）',
    allPresent: '全部带齐',
    queue: '排入业务',
    note: '给窗口人员的备注',
    notePreview: '窗口将看到',
    issue: '出号',
    nextCitizen: '下一位',
    checkInTitle: '预约签到',
    appointmentFound: (slot: string, name: string) => `今日 ${slot} 的预约 · ${name}：已选中预约的事项，请核验材料后签到。`,
    appointmentUnknown: '今日没有待签到的该预约码（签到时将说明原因）。',
    materialsCount: (have: number, all: number) => `材料 ${have}/${all}`,
    missing: '缺',
    queueStopped: '已停止自助取号',
    queueStoppedNote: '该业务今日已停止自助取号（自助机和手机不再发号）；导办台仍可出号，请告知办事人预计等候时间。',
    kiosksClosed: (hours: string, at: string, tomorrow: boolean) =>
      tomorrow ? `自助机今日取号已结束（取号时间 ${hours}）；导办台仍可出号。` : `现在不是取号时间，自助机 ${at} 起恢复取号（取号时间 ${hours}）；导办台仍可出号。`,
  },
};

export type KioskWords = typeof zh;

const en: KioskWords = {
  htmlLang: 'en',
  appTitle: 'Take a number',
  guideTitle: 'Guide desk',
  mobileTitle: 'Take a number on your phone',
  myTickets: 'Your numbers today',
  openMine: 'See your place',
  welcome: 'Welcome. What would you like to do?',
  chooseCategory: 'Choose a service area',
  chooseQueue: 'Choose a service',
  chooseMatter: 'Choose your matter',
  confirmTitle: 'Check and take your number',
  otherMatter: 'Other / not sure',
  otherMatterHint: 'The counter will help you',
  materials: 'Please bring these documents',
  noMaterials: 'The counter will tell you what is needed',
  greenChannel: 'Seniors / people with disabilities: green channel',
  greenChannelHint: 'Called before others',
  takeTicket: 'Take a number',
  taking: 'Taking a number…',
  back: 'Back',
  home: 'Home',
  waitingPeople: (n) => `${n} waiting`,
  minutes: (n) => `about ${n} min`,
  checkIn: 'Appointment check-in',
  checkInHint: 'Enter your 8-digit appointment code',
  checkInButton: 'Check in',
  codeLabel: 'Appointment code',
  digit: (d) => `Digit ${d}`,
  clear: 'Clear',
  del: 'Delete',
  yourNumber: 'Your number',
  ahead: (n) => (n === 0 ? 'Nobody ahead of you' : n === 1 ? '1 person ahead of you' : `${n} people ahead of you`),
  eta: (min) => (min <= 0 ? 'You will be called soon' : `Estimated wait: about ${min} min`),
  etaRange: (lo, hi) => `Estimated wait: about ${minutesSpan(lo, hi)}\u00a0min`,
  scan: 'Scan to follow your place on your phone and be alerted when called',
  qrLabel: 'QR code to follow your place in the queue',
  printing: 'Printing your ticket, please take it',
  printAgain: 'Print again',
  done: 'Done',
  returnsIn: (s) => `Back to start in ${s} s`,
  offline: 'The server cannot be reached: no numbers can be issued. Please wait or ask at the guide desk.',
  connecting: 'Connecting to the server…',
  catalogueFailed: 'Cannot load the services, retrying…',
  issueOffline: 'The server cannot be reached: no number was issued. Please try again or ask at the guide desk.',
  issueFailed: 'No number was issued. Please try again or ask at the guide desk.',
  numbersExhausted: 'No numbers left today for this service. Please ask at the guide desk.',
  ticketHours: (hours) => `Numbers are issued ${hours}`,
  closedNow: 'No numbers are issued now',
  opensAt: (at, tomorrow) => (tomorrow ? `Numbers from ${at} tomorrow. Appointments can check in.` : `Numbers from ${at}. Appointments can check in.`),
  outsideHours: (hours) => `No numbers are issued now (numbers are issued ${hours}). Please ask at the guide desk.`,
  queueStopped: 'This service takes no more numbers today: it could not be served before closing. Please come back tomorrow or ask at the guide desk.',
  stoppedMark: 'No more numbers today',
  notAllowed: 'This kiosk cannot issue numbers now. Please ask at the guide desk.',
  mobileNotAllowed: 'This hall does not issue numbers to phones. Please take one at a kiosk in the hall.',
  largeType: 'Large type',
  speak: 'Speak',
  otherLanguage: '中文',
  otherLanguageLabel: '切换到中文',
  priorityMark: 'Green channel',
  appointmentMark: 'Appointment',
  noticesTitle: 'Please note',
  receiptTitle: 'Queue ticket',
  issuedAt: 'Issued',
  keepTicket: 'Watch the screens and listen for your number.',
  checkInErrors: {
    notFound: 'No appointment has this code. Please check it and try again.',
    already: (n) => (n ? `This appointment is already checked in: number ${n}.` : 'This appointment is already checked in.'),
    tooEarly: (t) => (t ? `Too early: please check in from ${t}.` : 'Too early to check in.'),
    otherDay: (d) => (d ? `Your appointment is on ${d}, not today.` : 'Your appointment is not today.'),
    cancelled: 'This appointment was cancelled. Please take a number instead.',
    missed: 'This appointment has expired. Please take a number instead.',
    badCode: 'The appointment code has 8 digits.',
    tooMany: 'Too many wrong codes. Please try again later, or check in at the guide desk.',
  },
  speech: {
    start: 'Welcome. Choose a service area, or check in for an appointment.',
    queues: 'Choose a service.',
    matters: 'Choose your matter.',
    confirm: 'Check the documents to bring, then take your number.',
    checkin: 'Enter your eight digit appointment code.',
    ticket: (n, ahead) => `Your number is ${n.split('').join(' ')}. ${ahead} ahead of you. Please take your ticket.`,
    failed: 'No number was issued. Please ask at the guide desk.',
  },
  categories: { 企业服务: 'Business', 民生服务: 'Daily life', 综合服务: 'One-stop & pick-up', 部门专区: 'Departments' },
  guide: {
    signIn: 'Guide sign-in',
    username: 'Username',
    password: 'Password',
    signInButton: 'Sign in',
    signOut: 'Sign out',
    wrongRole: 'This account is not a guide account.',
    badLogin: 'Wrong username or password.',
    search: 'Search matters',
    searchPlaceholder: 'Matter name',
    pickMatters: 'Pick matters (several for a one-stop package)',
    selected: 'Selected matters',
    noneSelected: 'Pick a matter on the left first',
    haveMaterials: 'Check the documents the citizen has',
    allPresent: 'All present',
    queue: 'Queue',
    note: 'Note for the clerk',
    notePreview: 'The clerk will see',
    issue: 'Issue number',
    nextCitizen: 'Next citizen',
    checkInTitle: 'Appointment check-in',
    appointmentFound: (slot, name) => `Appointment today at ${slot} · ${name}: its matters are selected; check the documents, then check in.`,
    appointmentUnknown: 'No appointment waiting for check-in today has this code (checking in will say why).',
    materialsCount: (have, all) => `Documents ${have}/${all}`,
    missing: 'missing',
    queueStopped: 'no more self-service numbers',
    queueStoppedNote: 'Kiosks and phones issue no more numbers for this queue today; the guide desk still may. Tell the citizen the expected wait.',
    kiosksClosed: (hours, at, tomorrow) =>
      tomorrow
        ? `Kiosks issue no more numbers today (ticket hours ${hours}); the guide desk still may.`
        : `Outside ticket hours: kiosks issue numbers again from ${at} (ticket hours ${hours}); the guide desk still may.`,
  },
};

export const kioskWords: Record<Lang, KioskWords> = { zh, en };

/** A catalogue name in the language shown (the catalogue holds both). */
export function named(lang: Lang, x: { name: string; nameEn: string }): string {
  return lang === 'en' && x.nameEn ? x.nameEn : x.name;
}

export function categoryName(lang: Lang, category: string): string {
  return kioskWords[lang].categories[category] ?? category;
}

/** Whole minutes of an ETA, rounded up (a citizen would rather wait less than promised). */
export function etaMinutes(etaSeconds: number): number {
  return etaSeconds <= 0 ? 0 : Math.ceil(etaSeconds / 60);
}

/**
 * The range of an ETA in whole minutes as shown: the low end rounded down (at least 1), the high
 * end rounded up, so the shown range holds the 25th–75th percentiles the server sent. Null when
 * there is no range to show: none sent (older server, or not waiting), a window free now
 * ([0, 0]), or a range no wider than a minute (then one number says as much).
 * scripts/sim/eta-study.ts measures the coverage of exactly this rounding.
 */
export function etaRangeMinutes(range: readonly [number, number] | undefined): [number, number] | null {
  if (!range || range[1] <= 0) return null;
  const lo = Math.max(1, Math.floor(range[0] / 60));
  const hi = Math.ceil(range[1] / 60);
  return hi - lo > 1 ? [lo, hi] : null;
}

/** The words of both the kiosk and the phone page that say the wait. */
export interface EtaWords {
  eta: (min: number) => string;
  etaRange: (lo: number, hi: number) => string;
}

/**
 * The ETA line of a waiting ticket: "约 3–8 分钟" when the server sent a range wider than a minute,
 * else the single number (or "即将叫号" when a window is free). One number for a short wait is off
 * by more than half of it on average (docs/dispatch.md, ETA), so the range is preferred.
 */
export function etaText(words: EtaWords, t: { etaSeconds: number; etaRangeSeconds?: readonly [number, number] | undefined }): string {
  const r = etaRangeMinutes(t.etaRangeSeconds);
  return r ? words.etaRange(r[0], r[1]) : words.eta(etaMinutes(t.etaSeconds));
}

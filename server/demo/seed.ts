/** Seeds a new database with the demo hall (server/demo/demo-hall.json) and the demo accounts. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { WorkHours } from '../../shared/admin';
import { CitizenSettings, TimeOfDay } from '../../shared/citizen';
import { DEFAULT_CITIZEN_SETTINGS } from '../citizen/settings';
import { createSettingsRepo } from '../citizen/settings-repo';
import { Mapping, Matter, QueueInfo, WindowKind } from '../../shared/schemas';
import { alignNoticesEn, queueRuntime, serviceDayOf, type HallSettings } from '../domain';
import { hashPassword } from '../service/auth-service';
import type { NewUser, Store } from '../store';

const Account = z.object({ username: z.string(), password: z.string(), name: z.string() });

/** The layout file: data, not code, so a centre can describe its own hall. */
export const HallFile = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  timezone: z.string(),
  settings: z.object({
    recallLimit: z.number().int().min(0).max(10),
    prioritySwapAfter: z.number().int().min(1).max(20),
    publicTicketing: z.boolean(),
    voiceLanguages: z.array(z.enum(['zh', 'en'])).min(1),
    voiceRepeat: z.number().int().min(1).max(3),
    notices: z.array(z.string()),
    /** English of each notice, by index (optional; '' where a notice has none). */
    noticesEn: z.array(z.string()).default([]),
    // The demo hall takes tickets at any hour (it is shown at any hour); a centre sets its own.
    ticketHours: z.array(z.object({ start: TimeOfDay, end: TimeOfDay })).max(6).default([]),
    stopWhenUnfinishable: z.boolean().default(false),
    /** 作息时间 (延时服务 in 统计); optional: a hall without them counts none. */
    workHours: WorkHours.optional(),
  }),
  /**
   * Citizen-side settings the hall starts with, over the defaults (server/citizen/settings.ts);
   * optional. The demo hall offers 刷身份证取号 (实名取号) with 老年人优先 from 65.
   */
  citizen: z.record(z.string(), z.unknown()).optional(),
  queues: z.array(QueueInfo.extend({ category: z.string(), sort: z.number().int() })),
  windows: z.array(
    z.object({ no: z.number().int(), name: z.string(), nameEn: z.string(), zone: z.string(), zoneEn: z.string().optional(), kind: WindowKind, mapping: Mapping }),
  ),
  matters: z.array(Matter),
  accounts: z.object({
    manager: Account,
    clerks: z.object({ prefix: z.string(), count: z.number().int().min(0).max(999), password: z.string() }),
    guides: z.array(Account),
    kiosks: z.array(Account),
  }),
});
export type HallFile = z.infer<typeof HallFile>;

export const DEMO_HALL_FILE = join(dirname(fileURLToPath(import.meta.url)), 'demo-hall.json');

export function readHallFile(path = DEMO_HALL_FILE): HallFile {
  return HallFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function seedHall(store: Store, hall: HallFile, opts: { now: number; bcryptRounds?: number }): void {
  const rounds = opts.bcryptRounds ?? 10;
  const settings: HallSettings = { ...hall.settings, noticesEn: alignNoticesEn(hall.settings.notices, hall.settings.noticesEn) };
  const allQueues = hall.queues.map((q) => q.code);
  // One hash per distinct demo password: hashing 30 identical passwords would only slow the first start.
  const hashes = new Map<string, string>();
  const hash = (pw: string) => {
    let h = hashes.get(pw);
    if (!h) hashes.set(pw, (h = hashPassword(pw, rounds)));
    return h;
  };
  const createdAt = new Date(opts.now).toISOString();
  const user = (username: string, name: string, role: NewUser['role'], password: string, skills: string[]): NewUser => ({
    id: randomUUID(),
    hallId: hall.id,
    username,
    name,
    role,
    passwordHash: hash(password),
    skills,
    demoPassword: true,
    createdAt,
  });
  const a = hall.accounts;
  const users: NewUser[] = [user(a.manager.username, a.manager.name, 'manager', a.manager.password, [])];
  for (let i = 1; i <= a.clerks.count; i++) {
    const n = String(i).padStart(2, '0');
    users.push(user(`${a.clerks.prefix}${n}`, `窗口人员${n}`, 'clerk', a.clerks.password, allQueues));
  }
  for (const g of a.guides) users.push(user(g.username, g.name, 'guide', g.password, []));
  for (const k of a.kiosks) users.push(user(k.username, k.name, 'kiosk', k.password, []));

  store.db.transaction(() => {
    store.halls.insertHall({
      id: hall.id,
      name: hall.name,
      nameEn: hall.nameEn,
      timezone: hall.timezone,
      serviceDay: serviceDayOf(opts.now, hall.timezone),
      settings,
      queues: hall.queues.map((q) => queueRuntime(q)),
      windows: hall.windows.map((w) => ({ ...w, priorityStreak: 0 })),
    });
    store.catalogue.upsertMatters(hall.id, hall.matters);
    store.users.insert(users);
    // A wrong value stops the seed rather than leaving the hall on defaults unsaid.
    if (hall.citizen) createSettingsRepo(store.db).put(hall.id, CitizenSettings.parse({ ...DEFAULT_CITIZEN_SETTINGS, ...hall.citizen }));
  })();
}

/** Seeds the demo hall when the database has no hall yet. Returns whether it did. */
export function seedDemoIfEmpty(store: Store, opts: { now: number; bcryptRounds?: number; file?: string }): boolean {
  if (store.halls.hallIds().length > 0) return false;
  seedHall(store, readHallFile(opts.file), opts);
  return true;
}

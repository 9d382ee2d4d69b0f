/**
 * Scenario files (scripts/sim/scenarios/*.json) and their normalised form.
 *
 * A hall scenario names a hall layout (queues, windows, mappings, settings: the same file the
 * server seeds from, or an inline one) and adds what the layout does not say: opening hours,
 * arrivals per queue per hour (Poisson), service-time distributions, priority and appointment
 * shares, no-shows, breaks, clerks' skills, and optionally a proposed mapping to compare with
 * the layout's own. The erlang scenario describes one pooled M/M/c queue for validation.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_TICKETING, type HallSettings, type QueueDef } from '../../server/domain';
import type { MappingEntry, WindowKind } from '../../shared/schemas';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_DIR = resolve(REPO_ROOT, 'scripts/sim/scenarios');

const Clock = z.string().regex(/^\d{2}:\d{2}$/, 'a time of day looks like 09:00');
const Mapping = z.array(z.object({ queue: z.string(), role: z.enum(['primary', 'overflow']) }));

export const ServiceDist = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('exponential'), meanMinutes: z.number().positive() }),
  z.object({ dist: z.literal('lognormal'), meanMinutes: z.number().positive(), cv: z.number().positive() }),
]);
export type ServiceDist = z.infer<typeof ServiceDist>;

const QueueLoad = z.object({
  /** Arrivals per hour when the profile multiplier is 1. */
  perHour: z.number().nonnegative(),
  /** Per-hour multipliers from opening time; replaces the hall's profile for this queue. */
  profile: z.array(z.number().nonnegative()).optional(),
  service: ServiceDist,
  priorityShare: z.number().min(0).max(1).default(0),
  appointmentShare: z.number().min(0).max(1).default(0),
});

const QueueDefFile = z.object({
  code: z.string().regex(/^[A-Z]$/),
  name: z.string(),
  nameEn: z.string(),
  category: z.string().default(''),
  targetWaitMinutes: z.number().positive(),
  priorityQueue: z.boolean().default(false),
  numberStart: z.number().int().default(1),
  numberEnd: z.number().int().default(999),
  sort: z.number().default(0),
});

const WindowFile = z.object({
  no: z.number().int(),
  name: z.string(),
  nameEn: z.string().default(''),
  zone: z.string(),
  kind: z.enum(['dedicated', 'comprehensive', 'special']),
  mapping: Mapping,
});

const SettingsFile = z.object({
  recallLimit: z.number().int().default(2),
  prioritySwapAfter: z.number().int().default(3),
});

/** The layout part of a hall file (server/demo/demo-hall.json has more; it is ignored here). */
const HallLayoutFile = z.object({
  name: z.string(),
  nameEn: z.string().default(''),
  timezone: z.string().default('Asia/Shanghai'),
  settings: SettingsFile.partial().default({}),
  queues: z.array(QueueDefFile),
  windows: z.array(WindowFile),
});

const BreakFile = z.object({ windows: z.array(z.number().int()), at: Clock, minutes: z.number().positive() });

export const HallScenarioFile = z.object({
  name: z.string(),
  kind: z.literal('hall').default('hall'),
  description: z.string().default(''),
  /** Path of a hall layout file, relative to the repository root. */
  hall: z.string().optional(),
  /** Inline layout, when there is no hall file. */
  layout: HallLayoutFile.optional(),
  open: Clock,
  close: Clock,
  /** Per-hour arrival multipliers from `open` (one per opening hour). */
  profile: z.array(z.number().nonnegative()),
  /** Index in `profile` of the peak hour (for the offered-load check). */
  peakHour: z.number().int().nonnegative().default(0),
  load: z.record(z.string(), QueueLoad),
  /** Seconds from a call until service starts (walking to the window), part of the window's busy time. */
  walkSeconds: z.number().nonnegative().default(0),
  noShow: z.object({ rate: z.number().min(0).max(1), giveUpSeconds: z.number().positive() }).default({ rate: 0, giveUpSeconds: 60 }),
  appointmentSlotMinutes: z.number().positive().default(30),
  breaks: z.array(BreakFile).default([]),
  /** Proposed mapping per window number (replaces that window's mapping from the layout). */
  mapping: z.record(z.string(), Mapping).default({}),
  /** Skills of the clerk at a window (default: every queue in the window's mappings). */
  skills: z.record(z.string(), z.array(z.string())).default({}),
  closedWindows: z.array(z.number().int()).default([]),
  replications: z.number().int().positive(),
  seed: z.number().int(),
  /** Variants to run side by side (names from scripts/sim/policies.ts). */
  policies: z.array(z.string()).min(1),
});
export type HallScenarioFile = z.infer<typeof HallScenarioFile>;

export const ErlangScenarioFile = z.object({
  name: z.string(),
  kind: z.literal('erlang'),
  description: z.string().default(''),
  lambdaPerHour: z.number().positive(),
  serviceMinutes: z.number().positive(),
  servers: z.array(z.number().int().positive()).min(1),
  /** Length of one replication (arrivals stop then) and the warm-up not measured. */
  hours: z.number().positive(),
  warmupHours: z.number().nonnegative(),
  replications: z.number().int().positive(),
  seed: z.number().int(),
});
export type ErlangScenarioFile = z.infer<typeof ErlangScenarioFile>;

export const ScenarioFile = z.union([ErlangScenarioFile, HallScenarioFile]);
export type ScenarioFile = z.infer<typeof ScenarioFile>;

// ---- normalised -----------------------------------------------------------------------------

export interface SimWindow {
  no: number;
  name: string;
  zone: string;
  kind: WindowKind;
  /** The mapping the scenario runs with (the layout's, with the scenario's proposals applied). */
  mapping: MappingEntry[];
  /** The layout's own mapping. */
  layoutMapping: MappingEntry[];
  skills: string[];
}

export interface SimQueueLoad {
  code: string;
  /** Arrivals per hour for each opening hour. */
  perHour: number[];
  service: ServiceDist;
  priorityShare: number;
  appointmentShare: number;
}

export interface SimScenario {
  name: string;
  description: string;
  hallName: string;
  settings: HallSettings;
  queues: QueueDef[];
  windows: SimWindow[];
  /** Milliseconds after midnight of the simulated day. */
  openMs: number;
  closeMs: number;
  /** Tickets arriving before this are not measured (steady-state runs). */
  measureFromMs: number;
  peakHour: number;
  load: SimQueueLoad[];
  walkMs: number;
  noShowRate: number;
  noShowGiveUpMs: number;
  appointmentSlotMs: number;
  breaks: { windows: number[]; atMs: number; minutes: number }[];
  replications: number;
  seed: number;
  policies: string[];
}

const HOUR = 3_600_000;

function clockMs(s: string): number {
  const [h, m] = s.split(':').map(Number) as [number, number];
  return (h * 60 + m) * 60_000;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function loadScenarioFile(nameOrPath: string): ScenarioFile {
  const path = nameOrPath.endsWith('.json') ? resolve(nameOrPath) : resolve(SCENARIO_DIR, `${nameOrPath}.json`);
  return ScenarioFile.parse(readJson(path));
}

const DEFAULT_SETTINGS: HallSettings = {
  ...DEFAULT_TICKETING,
  recallLimit: 2,
  prioritySwapAfter: 3,
  publicTicketing: true,
  voiceLanguages: ['zh'],
  voiceRepeat: 1,
  notices: [],
  noticesEn: [],
};

/** Turns a hall scenario file into what the engine runs. */
export function normaliseHall(file: HallScenarioFile): SimScenario {
  const layout = file.layout ?? (file.hall ? HallLayoutFile.parse(readJson(resolve(REPO_ROOT, file.hall))) : undefined);
  if (!layout) throw new Error(`scenario ${file.name}: needs "hall" or "layout"`);
  const queues: QueueDef[] = layout.queues.map((q) => ({ ...q }));
  const codes = new Set(queues.map((q) => q.code));
  const closed = new Set(file.closedWindows);
  const windows: SimWindow[] = layout.windows
    .filter((w) => !closed.has(w.no))
    .map((w) => {
      const mapping = file.mapping[String(w.no)] ?? w.mapping;
      for (const m of mapping) if (!codes.has(m.queue)) throw new Error(`window ${w.no}: unknown queue ${m.queue}`);
      const all = [...new Set([...mapping, ...w.mapping].map((m) => m.queue))];
      return {
        no: w.no,
        name: w.name,
        zone: w.zone,
        kind: w.kind,
        mapping: mapping.map((m) => ({ ...m })),
        layoutMapping: w.mapping.map((m) => ({ ...m })),
        skills: file.skills[String(w.no)] ?? all,
      };
    });
  const hours = file.profile.length;
  const load: SimQueueLoad[] = queues.map((q) => {
    const l = file.load[q.code];
    if (!l) return { code: q.code, perHour: new Array<number>(hours).fill(0), service: { dist: 'exponential', meanMinutes: 5 }, priorityShare: 0, appointmentShare: 0 };
    const profile = l.profile ?? file.profile;
    if (profile.length !== hours) throw new Error(`queue ${q.code}: profile needs ${hours} hours`);
    return { code: q.code, perHour: profile.map((f) => f * l.perHour), service: l.service, priorityShare: l.priorityShare, appointmentShare: l.appointmentShare };
  });
  for (const code of Object.keys(file.load)) if (!codes.has(code)) throw new Error(`load for unknown queue ${code}`);
  const openMs = clockMs(file.open);
  const closeMs = clockMs(file.close);
  if (closeMs - openMs !== hours * HOUR) throw new Error(`scenario ${file.name}: profile must have one entry per opening hour`);
  return {
    name: file.name,
    description: file.description,
    hallName: layout.name,
    settings: { ...DEFAULT_SETTINGS, ...layout.settings },
    queues,
    windows,
    openMs,
    closeMs,
    measureFromMs: openMs,
    peakHour: file.peakHour,
    load,
    walkMs: file.walkSeconds * 1000,
    noShowRate: file.noShow.rate,
    noShowGiveUpMs: file.noShow.giveUpSeconds * 1000,
    appointmentSlotMs: file.appointmentSlotMinutes * 60_000,
    breaks: file.breaks.map((b) => ({ windows: b.windows, atMs: clockMs(b.at), minutes: b.minutes })),
    replications: file.replications,
    seed: file.seed,
    policies: file.policies,
  };
}

/** One pooled queue served by `servers` identical windows: the M/M/c hall of the erlang check. */
export function erlangHall(file: ErlangScenarioFile, servers: number): SimScenario {
  const windows: SimWindow[] = Array.from({ length: servers }, (_, i) => {
    const mapping: MappingEntry[] = [{ queue: 'P', role: 'primary' }];
    return { no: i + 1, name: `${i + 1}号窗口`, zone: 'pooled', kind: 'comprehensive', mapping, layoutMapping: mapping, skills: ['P'] };
  });
  const hours = Math.ceil(file.hours);
  return {
    name: `${file.name}-c${servers}`,
    description: file.description,
    hallName: 'M/M/c',
    settings: DEFAULT_SETTINGS,
    queues: [
      { code: 'P', name: '综合', nameEn: 'Pooled', category: 'erlang', targetWaitMinutes: 10, priorityQueue: false, numberStart: 1, numberEnd: 9999, sort: 1 },
    ],
    windows,
    openMs: 0,
    closeMs: hours * HOUR,
    measureFromMs: file.warmupHours * HOUR,
    peakHour: 0,
    load: [
      {
        code: 'P',
        perHour: new Array<number>(hours).fill(file.lambdaPerHour),
        service: { dist: 'exponential', meanMinutes: file.serviceMinutes },
        priorityShare: 0,
        appointmentShare: 0,
      },
    ],
    walkMs: 0,
    noShowRate: 0,
    noShowGiveUpMs: 60_000,
    appointmentSlotMs: 30 * 60_000,
    breaks: [],
    replications: file.replications,
    seed: file.seed,
    policies: ['default'],
  };
}

/** Offered load (Erlangs) per opening hour, and the windows open then (breaks ignored). */
export function offeredLoadByHour(s: SimScenario): { hour: number; erlangs: number; windows: number; ratio: number }[] {
  const hours = s.load[0]?.perHour.length ?? 0;
  return Array.from({ length: hours }, (_, h) => {
    let erlangs = 0;
    for (const l of s.load) erlangs += (l.perHour[h]! * l.service.meanMinutes) / 60;
    return { hour: h, erlangs, windows: s.windows.length, ratio: erlangs / s.windows.length };
  });
}

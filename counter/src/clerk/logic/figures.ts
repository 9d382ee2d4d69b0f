/**
 * The clerk's own figures for today (pure): how many citizens served and the average service
 * time. Kept from the panel's own completions, per clerk and service day, in localStorage, so
 * a reload or a second sign-in the same day keeps counting. When the server offers the
 * figures, the server's win (see ClerkPanel).
 */
export interface Completion {
  ticketId: string;
  /** Seconds from start (or call) to completion. */
  seconds: number;
}

export interface DayFigures {
  day: string;
  userId: string;
  completions: Completion[];
}

export interface FigureSummary {
  served: number;
  averageSeconds: number | null;
}

export const emptyDay = (day: string, userId: string): DayFigures => ({ day, userId, completions: [] });

/** Record a completion once (a retried command must not count twice). */
export function recordCompletion(fig: DayFigures, c: Completion): DayFigures {
  if (fig.completions.some((x) => x.ticketId === c.ticketId)) return fig;
  return { ...fig, completions: [...fig.completions, { ticketId: c.ticketId, seconds: Math.max(0, Math.round(c.seconds)) }] };
}

export function summarize(fig: DayFigures): FigureSummary {
  const n = fig.completions.length;
  if (n === 0) return { served: 0, averageSeconds: null };
  const total = fig.completions.reduce((sum, c) => sum + c.seconds, 0);
  return { served: n, averageSeconds: Math.round(total / n) };
}

/** Stored figures count only for the same clerk on the same day; otherwise start afresh. */
export function parseDayFigures(raw: string | null, day: string, userId: string): DayFigures {
  if (!raw) return emptyDay(day, userId);
  try {
    const v = JSON.parse(raw) as Partial<DayFigures>;
    if (v.day !== day || v.userId !== userId || !Array.isArray(v.completions)) return emptyDay(day, userId);
    const completions = v.completions.filter(
      (c): c is Completion =>
        typeof c === 'object' && c !== null && typeof c.ticketId === 'string' && typeof c.seconds === 'number',
    );
    return { day, userId, completions };
  } catch {
    return emptyDay(day, userId);
  }
}

/**
 * The citizens of one simulated day, drawn before any policy runs: every policy of a
 * replication sees exactly the same people, arriving at the same instants, needing the same
 * service time (common random numbers). A person's service time belongs to the person, not to
 * the window, so it does not depend on who serves them.
 */
import { Rng } from './rng';
import type { ServiceDist, SimScenario } from './scenario';

export interface Customer {
  id: string;
  queue: string;
  /** When they take the ticket (ms after midnight). */
  at: number;
  /** When they count as arrived for the order (the slot start for appointments: rule 4). */
  arrivedAt: number;
  appointment: boolean;
  priority: boolean;
  serviceMs: number;
  /** Gone when called: the window waits `noShowGiveUpMs`, then marks the ticket no-show. */
  noShow: boolean;
}

const HOUR = 3_600_000;

function drawService(rng: Rng, d: ServiceDist): number {
  const minutes = d.dist === 'exponential' ? rng.exponential(d.meanMinutes) : rng.lognormal(d.meanMinutes, d.cv);
  return minutes * 60_000;
}

export function drawCustomers(s: SimScenario, replication: number): Customer[] {
  const out: Omit<Customer, 'id'>[] = [];
  for (const load of s.load) {
    const def = s.queues.find((q) => q.code === load.code);
    const arrivals = Rng.stream(s.seed, replication, `arrivals:${load.code}`);
    const service = Rng.stream(s.seed, replication, `service:${load.code}`);
    const attrs = Rng.stream(s.seed, replication, `attributes:${load.code}`);
    load.perHour.forEach((rate, h) => {
      if (rate <= 0) return;
      const from = s.openMs + h * HOUR;
      const to = from + HOUR;
      // Poisson arrivals: exponential gaps; restarting at the hour boundary is exact (memoryless).
      for (let t = from + arrivals.exponential(HOUR / rate); t < to; t += arrivals.exponential(HOUR / rate)) {
        const at = Math.round(t);
        // A fixed number of draws per person keeps the streams aligned when shares change.
        const uPriority = attrs.uniform();
        const uAppointment = attrs.uniform();
        const uNoShow = attrs.uniform();
        const appointment = uAppointment < load.appointmentShare;
        const slotStart = s.openMs + Math.floor((at - s.openMs) / s.appointmentSlotMs) * s.appointmentSlotMs;
        out.push({
          queue: load.code,
          at,
          arrivedAt: appointment ? slotStart : at,
          appointment,
          priority: def?.priorityQueue === true || uPriority < load.priorityShare,
          serviceMs: Math.max(1, Math.round(drawService(service, load.service))),
          noShow: uNoShow < s.noShowRate,
        });
      }
    });
  }
  out.sort((a, b) => a.at - b.at || a.queue.localeCompare(b.queue));
  return out.map((c, i) => ({ ...c, id: `t${String(i + 1).padStart(6, '0')}` }));
}

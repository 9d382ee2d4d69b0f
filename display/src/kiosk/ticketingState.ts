/**
 * What the hall's 取号时间 and 停止取号 say right now, as the kiosk, the phone (扫码取号) and the
 * guide desk show them. Kiosks and phones are bound by both; the guide desk is not, but sees them
 * (to tell the citizen) through the `kiosks…` and `hall…` forms.
 */
import { computed, type ComputedRef } from 'vue';
import { hoursLabel, isTicketTime, nextOpening } from '../../../shared/ticketHours';
import type { HallConnection } from '../shared/hallSocket';
import { useHallMinutes } from '../shared/useHallMinutes';
import type { Mode } from './kioskModel';

export interface TicketingState {
  /** 取号时间 as the hall sets it ("08:30–12:00  13:30–17:00"); '' when tickets are taken all day. */
  ticketHours: ComputedRef<string>;
  /** Outside 取号时间 (kiosk and phone; the guide desk may always issue): when it opens next, else null. */
  closedUntil: ComputedRef<{ at: string; tomorrow: boolean } | null>;
  /** 停止取号: the queue takes no more kiosk tickets today. */
  stoppedOf(queue: string): boolean;
  /** The guide desk (not bound by them) sees both: outside 取号时间, when kiosks issue again; else null. */
  kiosksClosedUntil: ComputedRef<{ at: string; tomorrow: boolean } | null>;
  /** …and 停止取号 of a queue, whatever this screen's mode. */
  hallStoppedOf(queue: string): boolean;
}

export function createTicketingState(hall: HallConnection, mode: Mode): TicketingState {
  const spans = () => hall.state.value?.hall.ticketHours ?? [];
  const minutes = useHallMinutes(
    () => hall.clockOffsetMs.value,
    () => hall.state.value?.hall.timezone ?? 'Asia/Shanghai',
  );
  const kiosksClosedUntil = computed(() => (spans().length === 0 || isTicketTime(spans(), minutes.value) ? null : nextOpening(spans(), minutes.value)));
  const hallStoppedOf = (queue: string): boolean => hall.state.value?.queues.find((q) => q.code === queue)?.stopped ?? false;
  return {
    ticketHours: computed(() => hoursLabel(spans())),
    closedUntil: computed(() => (mode === 'guide' ? null : kiosksClosedUntil.value)),
    stoppedOf: (queue) => mode !== 'guide' && hallStoppedOf(queue),
    kiosksClosedUntil,
    hallStoppedOf,
  };
}

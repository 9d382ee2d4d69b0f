/**
 * Where `questions:changed` goes once a change committed. The operations reach only their
 * context (service and store); the app wires the staff room here when it builds the sockets
 * (server/app.ts). Kept per hall service, so two servers in one process (tests) never hear
 * each other; a service nobody wired pushes nothing.
 */
import type { QuestionsChanged } from '../../shared/questions';
import type { HallService } from '../service/hall-service';

type Listener = (c: QuestionsChanged) => void;

const listeners = new WeakMap<HallService, Listener>();

export function onQuestionsChanged(service: HallService, listener: Listener): void {
  listeners.set(service, listener);
}

export function questionsChanged(service: HallService, c: QuestionsChanged): void {
  listeners.get(service)?.(c);
}

/**
 * 自助机呼叫工作人员 live, on its own Socket.IO namespace (`/kiosk-help`), beside the hall's: a
 * kiosk says which it is (`auth.kioskId`, its 设备状态 id) and hears only its own call; guides and
 * managers (`auth.token`) hear every call and are sent the live ones on each connect, so a desk that
 * reconnects misses none. Clerks and viewers are refused: the calls are the floor staff's.
 * A namespace of its own keeps the hall's default namespace (the contract's) as it is; the
 * browser multiplexes it on the page's one connection.
 */
import type { Namespace, Socket } from 'socket.io';
import { KIOSK_HELP_NAMESPACE, KioskId, type KioskHelpClientEvents, type KioskHelpServerEvents } from '../../shared/kioskHelp';
import type { Reply } from '../../shared/errors';
import { PUBLIC, type Actor } from '../service/actor';
import type { AuthService } from '../service/auth-service';
import type { HallServer } from '../socket';
import type { KioskHelp } from './kiosk-help-service';

interface Data {
  actor?: Actor;
  token?: string;
  kioskId?: string;
}
type HelpSocket = Socket<KioskHelpClientEvents, KioskHelpServerEvents, Record<string, never>, Data>;

const deskRoom = 'desk';
const kioskRoom = (id: string) => `kiosk:${id}`;

/** The acknowledgement, whatever the client sent as arguments. */
function ackOf(args: unknown[]): ((r: unknown) => void) | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as (r: unknown) => void) : undefined;
}
const payloadOf = (args: unknown[]): unknown => (args.length > 1 ? args[0] : undefined);
const isDesk = (a: Actor | undefined): boolean => a?.kind === 'user' && (a.role === 'guide' || a.role === 'manager');

export function attachKioskHelpSocket(io: HallServer, deps: { help: KioskHelp; auth: AuthService; log: (msg: string) => void }): void {
  const { help, auth, log } = deps;
  // The hall's server is typed for its own namespace's events; this one has its own event maps.
  const nsp = io.of(KIOSK_HELP_NAMESPACE) as unknown as Namespace<KioskHelpClientEvents, KioskHelpServerEvents, Record<string, never>, Data>;

  nsp.use((socket, next) => {
    const a = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const token = typeof a.token === 'string' && a.token !== '' ? a.token : undefined;
    const actor = token === undefined ? PUBLIC : auth.authenticate(token);
    if (!actor) return next(new Error('UNAUTHORIZED'));
    const kiosk = KioskId.safeParse(a.kioskId);
    // A kiosk (its device account, a manager's that signed it in, or none where tickets are public)
    // says which it is; a desk (a guide's or manager's screen) does not. Nobody else listens here.
    const kioskLike = kiosk.success ? actor.kind !== 'user' || actor.role === 'kiosk' || actor.role === 'manager' : actor.kind !== 'user' || actor.role === 'kiosk';
    if (kioskLike ? !kiosk.success : !isDesk(actor)) return next(new Error('FORBIDDEN'));
    socket.data.actor = actor;
    if (token !== undefined) socket.data.token = token;
    if (kioskLike && kiosk.success) socket.data.kioskId = kiosk.data;
    next();
  });

  nsp.on('connection', (socket: HelpSocket) => {
    const kioskId = socket.data.kioskId;
    if (kioskId !== undefined) {
      void socket.join(kioskRoom(kioskId));
      socket.emit('kioskHelp:mine', help.mine(kioskId));
    } else {
      void socket.join(deskRoom);
      socket.emit('kioskHelp:open', help.live());
    }
    // Every command checks the session again: an expired token or a removed account stops here.
    const actor = (): Actor | undefined => {
      const t = socket.data.token;
      if (t === undefined) return socket.data.actor ?? PUBLIC;
      const now = auth.authenticate(t);
      if (!now) setTimeout(() => socket.disconnect(true), 0);
      return now;
    };
    const on = (name: keyof KioskHelpClientEvents, run: (a: Actor, payload: unknown) => Reply<unknown>) => {
      (socket as unknown as Socket).on(name, (...args: unknown[]) => {
        const ack = ackOf(args);
        let reply: Reply<unknown>;
        try {
          const a = actor();
          reply = a ? run(a, payloadOf(args)) : { ok: false, error: { code: 'UNAUTHORIZED', message: 'the session has ended; sign in again' } };
        } catch (e) {
          log(`kiosk-help ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          reply = { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
        }
        ack?.(reply);
      });
    };
    const body = (p: unknown): Record<string, unknown> => (p !== null && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {});
    // A kiosk always speaks for the kiosk of its handshake, whatever its payload says.
    on('kioskHelp:raise', (a, p) => (kioskId === undefined ? notKiosk : help.raise(a, { ...body(p), kioskId })));
    on('kioskHelp:cancel', (a, p) => (kioskId === undefined ? notKiosk : help.cancel(a, { ...body(p), kioskId })));
    on('kioskHelp:acknowledge', (a, p) => help.acknowledge(a, p));
    on('kioskHelp:resolve', (a, p) => help.resolve(a, p));
    on('kioskHelp:list', (a, p) => help.list(a, p ?? {}));
  });

  help.onChange((c) => {
    nsp.to(deskRoom).emit('kioskHelp:changed', c.call);
    nsp.to(kioskRoom(c.kioskId)).emit('kioskHelp:mine', c.mine);
  });
}

const notKiosk: Reply<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'only a kiosk calls staff to itself' } };

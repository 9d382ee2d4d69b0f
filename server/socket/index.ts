/**
 * Socket.IO: viewers (no token) get the snapshot and every change; staff (auth.token) also send
 * the contract's commands with acknowledgements. Rooms: `hall:<id>` (viewers: public data only),
 * `staff:<id>` (staff: the same changes with who is at each window), `window:<no>` (window screens
 * that say which window they are), `ticket:<id>` (phone pages), `managers:<id>` (managers' screens:
 * 设备状态), `pad:<no>` (a window's 评价器, signed in as a kiosk device or a manager: it is told the
 * ticket id to rate, which public screens never see). Hall screens say who they are in the
 * handshake (`auth.device`, shared/devices.ts).
 */
import type { Server, Socket } from 'socket.io';
import type { ErrorCode, Reply } from '../../shared/errors';
import { DeviceHello, DeviceStatus } from '../../shared/devices';
import type { ServerToClientEvents, SocketData, StaffClientEvents } from '../../shared/events';
import { TicketRef } from '../../shared/schemas';
import { PUBLIC, type Actor } from '../service/actor';
import type { AuthService } from '../service/auth-service';
import type { HallService } from '../service/hall-service';
import type { OpContext } from '../service/operation';
import { invoke, operations, type OperationName } from '../service/registry';
import { publicChange, publicSnapshot } from '../service/privacy';
import type { Publication, Publisher } from '../service/publisher';

type ServerSocketData = SocketData & { actor?: Actor; token?: string };
export type HallServer = Server<StaffClientEvents, ServerToClientEvents, Record<string, never>, ServerSocketData>;
type HallSocket = Socket<StaffClientEvents, ServerToClientEvents, Record<string, never>, ServerSocketData>;

const OP_NAMES = new Set<string>(Object.keys(operations));
const VIEWER_EVENTS = new Set(['snapshot:get', 'ticket:watch', 'ticket:unwatch', 'device:status']);
/** Device changes come in bursts (every screen reconnects after a restart): one push per this. */
const DEVICES_PUSH_MS = 250;

const failure = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** Splits socket arguments into payload and acknowledgement, whatever the client sent. */
function split(args: unknown[]): { payload: unknown; ack?: (r: unknown) => void } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { payload: args.length > 1 ? args[0] : undefined, ack: last as (r: unknown) => void };
  return { payload: args[0] };
}

export function attachSocket(io: HallServer, deps: { ctx: OpContext; auth: AuthService; log: (msg: string) => void }): Publisher {
  const { ctx, auth, log } = deps;
  const service: HallService = ctx.service;
  const hallRoom = `hall:${service.hallId}`;
  const staffRoom = `staff:${service.hallId}`;
  const managerRoom = `managers:${service.hallId}`;
  const devices = ctx.devices;
  let devicesPush: ReturnType<typeof setTimeout> | null = null;
  const devicesChanged = (): void => {
    if (!devices || devicesPush !== null) return;
    devicesPush = setTimeout(() => {
      devicesPush = null;
      io.to(managerRoom).emit('devices:changed', devices.list());
    }, DEVICES_PUSH_MS);
    devicesPush.unref();
  };
  devices?.onChange(devicesChanged);
  const isStaff = (a: Actor) => a.kind === 'user';
  const snapshotFor = (a: Actor) => (isStaff(a) ? service.snapshot() : publicSnapshot(service.snapshot()));

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (token === undefined || token === null || token === '') {
      socket.data.actor = PUBLIC;
      return next();
    }
    if (typeof token !== 'string') return next(new Error('UNAUTHORIZED'));
    const actor = auth.authenticate(token);
    if (!actor || actor.kind !== 'user') return next(new Error('UNAUTHORIZED'));
    socket.data.actor = actor;
    socket.data.token = token;
    socket.data.userId = actor.id;
    socket.data.role = actor.role;
    next();
  });

  io.on('connection', (raw) => {
    const socket = raw as HallSocket;
    const actor = (): Actor => socket.data.actor ?? PUBLIC;
    void socket.join(isStaff(actor()) ? staffRoom : hallRoom);
    const a = actor();
    if (a.kind === 'user' && a.role === 'manager') void socket.join(managerRoom);
    // A hall screen says who it is; a bad hello is ignored, never refused (the screen still shows).
    // Staff screens are people, not devices, except a 评价器 signed in as the kiosk device.
    const hello = DeviceHello.safeParse((socket.handshake.auth as Record<string, unknown> | undefined)?.device);
    if (devices && hello.success && (!isStaff(a) || (a.kind === 'user' && a.role === 'kiosk'))) {
      devices.connected(socket.id, hello.data, socket.handshake.address.replace(/^::ffff:/, ''));
      socket.on('disconnect', () => devices.disconnected(socket.id));
      socket.on('device:status', (payload: unknown) => {
        const status = DeviceStatus.safeParse(payload);
        if (status.success) devices.status(socket.id, status.data);
      });
    }
    const windowNo = Number(socket.handshake.query.window);
    if (Number.isInteger(windowNo) && windowNo > 0) void socket.join(`window:${windowNo}`);
    const padNo = Number(socket.handshake.query.pad);
    if (Number.isInteger(padNo) && padNo > 0 && a.kind === 'user' && (a.role === 'kiosk' || a.role === 'manager')) void socket.join(`pad:${padNo}`);
    // A recovered connection had its missed events replayed; anyone else starts from a snapshot.
    if (!socket.recovered) socket.emit('snapshot', snapshotFor(actor()));
    if (isStaff(actor())) socket.emit('hall:prompts', service.prompts());

    const guard = (name: string, fn: (payload: unknown) => Reply<unknown> | Promise<Reply<unknown>>) => (...args: unknown[]) => {
      const { payload, ack } = split(args);
      const fault = (e: unknown): Reply<unknown> => {
        log(`socket ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return failure('INTERNAL', 'internal error');
      };
      let result: Reply<unknown> | Promise<Reply<unknown>>;
      try {
        result = fn(payload);
      } catch (e) {
        result = fault(e);
      }
      void Promise.resolve(result)
        .catch(fault)
        .then((reply) => ack?.(reply));
    };

    socket.on('snapshot:get', guard('snapshot:get', () => ({ ok: true, data: snapshotFor(actor()) })));

    socket.on(
      'ticket:watch',
      guard('ticket:watch', (payload) => {
        const ref = TicketRef.safeParse(payload);
        if (!ref.success) return failure('BAD_REQUEST', 'ticketId is required');
        const t = service.findTicket(ref.data.ticketId);
        if (!t) return failure('UNKNOWN_TICKET', 'no such ticket');
        void socket.join(`ticket:${t.id}`);
        return { ok: true, data: service.ticketView(t) };
      }),
    );

    socket.on('ticket:unwatch', (payload: unknown) => {
      const ref = TicketRef.safeParse(payload);
      if (ref.success) void socket.leave(`ticket:${ref.data.ticketId}`);
    });

    for (const name of OP_NAMES) {
      (socket as Socket).on(
        name,
        guard(name, (payload) => {
          // The session is checked at every command, not only at the handshake: an expired token
          // or a deactivated account stops here and the connection is closed.
          const token = socket.data.token;
          if (token !== undefined) {
            const current = auth.authenticate(token);
            if (!current) {
              setTimeout(() => socket.disconnect(true), 0);
              return failure('UNAUTHORIZED', 'the session has ended; sign in again');
            }
            socket.data.actor = current;
          }
          return invoke(ctx, actor(), name as OperationName, payload);
        }),
      );
    }

    socket.onAny((event: string, ...args: unknown[]) => {
      if (OP_NAMES.has(event) || VIEWER_EVENTS.has(event)) return;
      split(args).ack?.(failure('NOT_FOUND', `unknown event ${String(event).slice(0, 60)}`));
    });
  });

  return {
    // Walls only (the viewers' room): staff screens do not speak. The sender has its ack.
    announce(a) {
      io.to(hallRoom).emit('announce', a);
    },
    ratingsChanged(r) {
      io.to(staffRoom).emit('ratings:changed', r);
    },
    assistChanged(r) {
      io.to(staffRoom).emit('assist:changed', r);
    },
    deferralChanged(c) {
      io.to(staffRoom).emit('deferral:changed', c);
    },
    publish(p: Publication) {
      io.to(staffRoom).emit('hall:changed', p.change);
      io.to(hallRoom).emit('hall:changed', publicChange(p.change, service.state().settings.windowShowsClerk === true));
      for (const call of p.calls) {
        io.to([hallRoom, staffRoom]).emit('call', call);
      }
      io.to(staffRoom).emit('hall:prompts', { seq: p.change.seq, prompts: p.prompts });
      for (const done of p.completed) {
        const t = service.findTicket(done.ticketId);
        if (!t) continue;
        const clerk = p.change.windows.find((w) => w.no === done.windowNo)?.clerk;
        io.to(`pad:${done.windowNo}`).emit('rating:prompt', {
          ticketId: t.id,
          number: t.number,
          windowNo: done.windowNo,
          ...(clerk ? { clerk: { name: clerk.name, username: clerk.username } } : {}),
          at: p.change.at,
        });
      }
      // Phone pages: the ticket itself changed, or its queue moved (people ahead, ETA).
      const changed = new Set(p.ticketIds);
      const queues = new Set(p.queues);
      for (const room of io.of('/').adapter.rooms.keys()) {
        if (!room.startsWith('ticket:')) continue;
        const id = room.slice(7);
        const t = service.findTicket(id);
        if (!t) continue;
        if (changed.has(id) || (t.status === 'waiting' && queues.has(t.queue))) {
          io.to(room).emit('ticket:updated', { ...service.ticketView(t), seq: p.change.seq });
        }
      }
    },
  };
}

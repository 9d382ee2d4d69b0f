/** 设备状态 for managers: the screens of the hall, online or gone (`devices:list`), and taking one off the list (`devices:remove`). */
import { z } from 'zod';
import type { DeviceList } from '../../shared/devices';
import type { Reply } from '../../shared/errors';
import { err, ok } from '../service/errors';
import { define, type OpContext } from '../service/operation';

// A server built without a registry (tests of other parts) knows no devices.
const listOf = (ctx: OpContext): DeviceList => (ctx.devices ? ctx.devices.list() : { at: new Date(ctx.service.now()).toISOString(), devices: [] });

export const deviceOperations = {
  'devices:list': define({
    roles: ['manager'],
    schema: z.object({}).optional(),
    run(ctx): Reply<DeviceList> {
      return ok(listOf(ctx));
    },
  }),
  'devices:remove': define({
    roles: ['manager'],
    schema: z.object({ id: z.string().min(1).max(64) }),
    run(ctx, actor, input): Reply<DeviceList> {
      const r = ctx.devices?.remove(input.id) ?? 'unknown';
      if (r === 'unknown') return err('NOT_FOUND', 'no such device');
      if (r === 'online') return err('INVALID_STATE', 'the device is online: switch it off first');
      ctx.service.audit(actor, 'DeviceRemoved', { id: input.id }, null);
      return ok(listOf(ctx));
    },
  }),
};

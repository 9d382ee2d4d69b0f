/** 设备状态 for managers: the screens of the hall, online or gone (socket `devices:list`, `GET /api/devices`). */
import { z } from 'zod';
import type { Reply } from '../../shared/errors';
import type { DeviceList } from '../../shared/devices';
import { define } from '../service/operation';
import { ok } from '../service/errors';

export const deviceOperations = {
  'devices:list': define({
    roles: ['manager'],
    schema: z.object({}).optional(),
    run(ctx): Reply<DeviceList> {
      // A server built without a registry (tests of other parts) knows no devices.
      return ok(ctx.devices ? ctx.devices.list() : { at: new Date(ctx.service.now()).toISOString(), devices: [] });
    },
  }),
};

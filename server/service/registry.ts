/** All operations by name (the Socket.IO event names; REST routes map onto them). */
import type { z } from 'zod';
import type { Reply } from '../../shared/errors';
import { deferralOperations } from '../deferral/operations';
import { deviceOperations } from '../devices/operations';
import type { Actor } from './actor';
import { adminOperations } from './admin-operations';
import { announceOperations } from './announce-operations';
import { assistOperations } from './assist-operations';
import { honorsOperations } from './honors-operations';
import { careOperations } from './care-operations';
import { questionOperations } from '../questions/operations';
import { runOperation, type OpContext, type Operation } from './operation';
import { hallOperations } from './operations';
import { prefsOperations } from './prefs-operations';
import { statsOperations } from './stats-operations';

export const operations = { ...hallOperations, ...adminOperations, ...statsOperations, ...announceOperations, ...assistOperations, ...prefsOperations, ...deviceOperations, ...deferralOperations, ...honorsOperations, ...careOperations, ...questionOperations };

export type OperationName = keyof typeof operations;

export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

export function invoke(ctx: OpContext, actor: Actor, name: OperationName, payload: unknown): Promise<Reply<unknown>> {
  return runOperation(operations[name] as Operation<z.ZodType, unknown>, ctx, actor, payload);
}

import type { Role } from '../../shared/schemas';

/** Who is asking: a signed-in account, or an anonymous member of the public. */
export type Actor = { kind: 'user'; id: string; username: string; name: string; role: Role } | { kind: 'public' } | { kind: 'system' };

export const PUBLIC: Actor = { kind: 'public' };
export const SYSTEM: Actor = { kind: 'system' };

export function actorId(a: Actor): string {
  return a.kind === 'user' ? a.id : a.kind;
}

export function hasRole(a: Actor, roles: readonly Role[]): boolean {
  return a.kind === 'user' && roles.includes(a.role);
}

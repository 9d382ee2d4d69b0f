/** The clerk store as the components use it: refs unwrapped (`clerk.myWindow`, not `.value`). */
import { reactive } from 'vue';
import { createClerkStore } from './clerkStore';
import type { StaffSession } from '../shared/session';

export function useClerk(session: StaffSession, hooks: { onSignedOut: (reason?: string) => void }) {
  return reactive(createClerkStore(session, hooks));
}

export type Clerk = ReturnType<typeof useClerk>;

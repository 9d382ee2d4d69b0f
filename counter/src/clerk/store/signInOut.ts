/**
 * Taking a window and leaving it: sign-in at a window, sign-out (which ends the panel's session),
 * the window lost under the clerk (a manager signed them out: the picker says which), and a
 * token the server no longer accepts.
 */
import { ref, watch, type Ref } from 'vue';
import { logout } from '../../shared/api';
import type { StaffCommands } from '../../shared/commands';
import type { HallConnection } from '../../shared/connection';
import type { ClientError } from '../../shared/reply';
import type { StaffSession } from '../../shared/session';
import { pick, t } from '../text';
import type { CommandRunner } from './commandRunner';
import type { Dialog } from './dialog';
import type { Say } from './notices';
import type { WindowView } from './windowView';

export function createSignInOut(deps: {
  session: StaffSession;
  conn: HallConnection;
  cmd: StaffCommands;
  view: WindowView;
  runner: CommandRunner;
  dialog: Ref<Dialog>;
  say: Say;
  onSignedOut: (reason?: string) => void;
}) {
  const { session, cmd, view, dialog, say, onSignedOut } = deps;
  const { busy, run } = deps.runner;

  /** The window was closed under us (a manager signed us out): the picker says so. */
  const lostWindow = ref<string | null>(null);
  let leaving = false;
  watch(
    () => view.myWindow.value,
    (w, old) => {
      if (w) lostWindow.value = null;
      else if (old && !leaving && view.snapshot.value) lostWindow.value = pick(old.name, old.nameEn);
    },
  );

  watch(deps.conn.status, (s) => {
    if (s === 'unauthorized') onSignedOut(t('banner.unauthorized'));
  });

  async function signIn(no: number): Promise<ClientError | null> {
    busy.value = 'signIn';
    try {
      const r = await cmd.signIn(no);
      if (!r.ok) return r.error;
      view.overlayWindow(r.data);
      say('ok', 'result.signedIn', undefined, { window: { zh: r.data.name, en: r.data.nameEn } });
      return null;
    } finally {
      busy.value = null;
    }
  }

  async function signOut(): Promise<void> {
    const w = view.myWindow.value;
    leaving = true;
    if (w) {
      const ok = await run('signOut', () => cmd.signOut(w.no), (win) => view.overlayWindow(win));
      if (!ok) {
        leaving = false;
        return;
      }
    }
    dialog.value = null;
    void logout(session.token);
    onSignedOut();
  }

  return { lostWindow, signIn, signOut };
}

/**
 * The 评价器 (/display/rate/:no): a tablet at window N facing the citizen, which asks for the
 * 好差评 of each ticket finished there. Signs in once with the kiosk device account (kept in this
 * browser), then hears its window's `rating:prompt`s; it rates through the same REST call as the
 * phone page.
 */
import { createApp, watch } from 'vue';
import type { LoginResult } from '../../../shared/schemas';
import '../kiosk/theme.css';
import { request } from '../shared/api';
import { safeStorage } from '../shared/storage';
import { ticketApi } from '../ticket/ticketApi';
import { windowNoFromLocation } from '../window/windowNo';
import PadApp from './components/PadApp.vue';
import { createPadModel } from './padModel';
import { createPadSession } from './padSession';
import { connectPad } from './padSocket';

const windowNo = windowNoFromLocation(location.pathname, location.search);
// The sign-in's reply is typed, not parsed with zod (display/src/shared/api.ts says why).
const login = (username: string, password: string) => request<LoginResult>('POST', '/api/auth/login', { body: { username, password } });
const session = createPadSession(safeStorage(), login);
const pad = createPadModel({ rate: ticketApi.rate });
const connection =
  windowNo === null
    ? null
    : connectPad({
        windowNo,
        token: () => session.token.value,
        onPrompt: (p) => pad.prompted(p),
        // Expired or revoked: ask for the sign-in again.
        onRefused: () => session.signOut(),
      });
// Signed in (again): connect with the token, so the server sends this window's prompts.
watch(session.token, (token) => {
  if (token !== null) connection?.reconnect();
});
createApp(PadApp, { windowNo, pad, session, connection }).mount('#app');

/**
 * The kiosk (/kiosk) and the guide desk (/kiosk?mode=guide). Live hall data comes from the
 * displays' socket module; the kiosk's own REST calls are in kioskApi.ts.
 *   ?mode=guide   guide desk (sign in as a guide)
 *   ?mode=mobile  扫码取号 on the citizen's phone (/m): the same steps, the ticket opens /t/:id
 *   ?signin       kiosk asks for its device account first (halls without public ticketing)
 *   ?print=0      no automatic printing
 *   ?idle=N       seconds before an untouched screen goes back to the start
 *   ?speak=1      spoken prompts on from the start
 *   ?c=CODE       (phone) the code of the hall's QR it scanned (场内扫码取号, from /m?c=)
 */
import { createApp } from 'vue';
import { deviceHello, deviceNameIn } from '../shared/deviceHello';
import { connectHall } from '../shared/hallSocket';
import { pickTransport } from '../shared/pickTransport';
import { safeStorage, tabStorage } from '../shared/storage';
import KioskApp from './components/KioskApp.vue';
import { kioskApi } from './kioskApi';
import { createKioskHelp } from './kioskHelp';
import { TOKEN_KEY, createKioskModel } from './kioskModel';
import { scannedCode } from './onsite';
import { loadQr } from './qrLoader';
import { createSpeaker } from './speech';
import './theme.css';
import './kiosk.css';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'guide' ? 'guide' : params.get('mode') === 'mobile' ? 'mobile' : 'kiosk';
const idle = Number(params.get('idle'));

// 设备状态: kiosks and guide desks say who they are; a citizen's phone is no device of the hall's.
const hello = mode === 'mobile' ? undefined : deviceHello(mode, { name: deviceNameIn(location.search), storage: safeStorage() });
const hall = connectHall(await pickTransport(location.search, hello));
const tokenStore = mode === 'guide' ? sessionStorage : localStorage;
// 自助机呼叫工作人员: a kiosk calls as the device 设备状态 knows (its id); the guide desk hears the calls once signed in.
const token = (): string | undefined => tokenStore.getItem(TOKEN_KEY[mode]) ?? undefined;
const help =
  mode === 'mobile' || params.has('fixture') || !hello
    ? null
    : createKioskHelp({
        auth: () => {
          const t = token();
          return { ...(mode === 'kiosk' ? { kioskId: hello.id } : {}), ...(t ? { token: t } : {}) };
        },
        lazy: mode === 'guide' && token() === undefined,
        clockOffsetMs: hall.clockOffsetMs,
      });

const model = createKioskModel({
  mode,
  hall,
  api: kioskApi,
  speaker: createSpeaker(),
  // A guide's sign-in lasts the browser session; a kiosk's device account survives restarts.
  tokenStore,
  askSignIn: mode === 'kiosk' && params.has('signin'),
  // A phone prints nothing: its ticket is its page.
  autoPrint: mode === 'kiosk' && params.get('print') !== '0',
  openTicket: (id) => location.assign(`/t/${encodeURIComponent(id)}`),
  onsiteScanned: mode === 'mobile' ? scannedCode(location.search, tabStorage()) : null,
});
// The scanned code is kept for the tab: off the address, so a copied or bookmarked link does not carry it.
if (params.has('c')) {
  params.delete('c');
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
}
if (params.get('speak') === '1') model.toggleSpeak();

createApp(KioskApp, { model, help, idleSeconds: Number.isFinite(idle) && idle > 0 ? idle : null }).mount('#app');
// A kiosk's and a guide desk's tickets carry a QR code: fetch its encoder now, not at the first ticket. A phone never draws one.
if (mode !== 'mobile') loadQr().catch(() => undefined);

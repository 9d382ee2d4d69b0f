/**
 * The QR encoder (qr.ts with the npm qrcode package, ~22 kB raw) loaded when a QR is first drawn,
 * not with the app: the kiosk app is also 扫码取号 on citizens' phones, which never draw one (a
 * phone's ticket opens its own page). A kiosk or guide desk starts loading it once it is up
 * (main.ts), so its first ticket waits for nothing; the ticket screen prints only after it is in.
 */
import { shallowRef } from 'vue';
import type { qrShape } from './qr';

export type DrawQr = typeof qrShape;

/** The encoder once loaded (QrCode.vue draws with it); null before. */
export const qrDraw = shallowRef<DrawQr | null>(null);
let loading: Promise<DrawQr> | null = null;

/** Loads the encoder once; a failed load (the hall's server unreachable) is tried again on the next call. */
export function loadQr(): Promise<DrawQr> {
  loading ??= import('./qr').then(
    (m) => (qrDraw.value = m.qrShape),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** 扫码取号需验证手机号 on 预约与评价, pure: the limit as typed, and what the group warns of. */
import { MOBILE_DAILY_LIMIT, type CitizenSettings } from '../../../../shared/citizen';
import type { SmsGateway } from '../../../../shared/notify';
import { wholeIn } from './idCardSettings';

/** The limit typed (1–5, whole), or null when it is not one. */
export const parseMobileLimit = (text: string): number | null => wholeIn(text, MOBILE_DAILY_LIMIT);

/**
 * Why phones could not get their code with the switch on: SMS is off (the server refuses the
 * switch then), or no SMS platform is connected (codes are never sent). Null: nothing to warn of.
 */
export function mobileVerifyWarning(on: boolean, saved: Pick<CitizenSettings, 'smsEnabled'>, gateway: Pick<SmsGateway, 'configured'> | null): 'smsOff' | 'gatewayOff' | null {
  if (!on) return null;
  if (!saved.smsEnabled) return 'smsOff';
  if (gateway && !gateway.configured) return 'gatewayOff';
  return null;
}

/** 获取验证码 (POST /api/mobile/code) for the phone's 验证手机号 step. */
import { PhoneCodeSent } from '../../../shared/mobile';
import { request } from './kioskApi';

export const phoneCodeApi = {
  send: (phone: string) => request('POST', '/api/mobile/code', PhoneCodeSent, { body: { phone } }),
};

/** 获取验证码 (POST /api/mobile/code) for the phone's 验证手机号 step; our own server's reply, typed. */
import type { PhoneCodeSent } from '../../../shared/mobile';
import { request } from '../shared/api';

export const phoneCodeApi = {
  send: (phone: string) => request<PhoneCodeSent>('POST', '/api/mobile/code', { body: { phone } }),
};

/**
 * 好差评's reasons as a plain list, for the phone page to offer without pulling zod into its
 * bundle (shared/ratings.ts builds RatingReason from it; the server validates what comes back).
 */
export const RATING_REASONS = [
  'attitude', // 服务态度不好
  'slow', // 办理效率低、等候太久
  'unclear_guidance', // 告知不清楚、材料要求不明确
  'repeated_trips', // 多次跑腿
  'process', // 流程繁琐
  'environment', // 环境设施不便
  'other', // 其他 (a comment is then required)
] as const;

/** How the 好差评 page words a level, a reason and a share (the headline and the 差评 list). */
import { t, type TextKey } from './text';

export const levelKey = (score: number): TextKey => `ratings.level.${score}` as TextKey;
export const reasonKey = (reason: string): TextKey => `ratings.reason.${reason}` as TextKey;
/** A share to one decimal (`92.5%`); none without ratings. */
export const ratingPercent = (x: number | null): string => (x === null ? t('ratings.none') : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** 光荣榜 on the screens that show a clerk (the window screen, the 评价器), pure. */
import type { HallInfo } from '../../../shared/schemas';

/** The title the hall honours this person with (★ 11月服务之星 beside their name), or null. */
export function honorOf(hall: Pick<HallInfo, 'honors'> | null | undefined, clerkId: string | undefined): string | null {
  if (clerkId === undefined) return null;
  return hall?.honors?.find((h) => h.clerkId === clerkId)?.title ?? null;
}

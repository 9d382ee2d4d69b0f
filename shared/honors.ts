/**
 * 历届光荣榜: the record of the hall's 光荣榜 over time (docs/counter.md). Each save of the roll
 * (PUT /api/admin/settings `honors`) records who entered and who left it; a stint is one person
 * with one title from the service day they entered to the day they left (absent: still on it, 至今).
 * Managers read the whole record (GET /api/admin/honors/history, Socket.IO `admin:honors:history`);
 * a clerk reads their own (GET /api/me/honors, `me:honors`: the panel's 我的荣誉).
 */

/** One stint on the roll. `username` (工号) and `name` are as they were when it began: an account renamed or deactivated since still reads as the roll showed it. */
export interface HonorStint {
  clerkId: string;
  username: string;
  name: string;
  title: string;
  /** The service day it entered (YYYY-MM-DD, the hall's zone). */
  from: string;
  /** The service day it left; absent: still on the roll (至今). */
  to?: string;
}

/** The whole record, the newest stint first; `today` is the hall's service day (what 至今 means). */
export interface HonorsHistory {
  today: string;
  stints: HonorStint[];
}

/** A clerk's own titles (我的荣誉), the newest first. */
export interface MyHonor {
  title: string;
  from: string;
  to?: string;
}

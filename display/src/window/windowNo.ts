/** Which window this screen belongs to: `/display/window/3` (the screen above it), `/display/rate/3` (its 评价器), or `?no=3` in dev. Pure. */
export function windowNoFromLocation(pathname: string, search: string): number | null {
  const fromPath = /\/(?:window|rate)\/(\d{1,4})\/?$/.exec(pathname)?.[1];
  const raw = fromPath ?? new URLSearchParams(search).get('no');
  if (raw === null || raw === undefined) return null;
  const no = Number(raw);
  return Number.isInteger(no) && no >= 1 ? no : null;
}

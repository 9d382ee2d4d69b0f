/** Which window this screen hangs above: `/display/window/3`, or `?no=3` in dev. Pure. */
export function windowNoFromLocation(pathname: string, search: string): number | null {
  const fromPath = /\/window\/(\d{1,4})\/?$/.exec(pathname)?.[1];
  const raw = fromPath ?? new URLSearchParams(search).get('no');
  if (raw === null || raw === undefined) return null;
  const no = Number(raw);
  return Number.isInteger(no) && no >= 1 ? no : null;
}

/**
 * Rough width of a text in em, for shrinking long names to fit their box in CSS
 * (`calc(<box width> / var(--em))`): CJK characters are 1 em wide, Latin letters and digits
 * about 0.6 em. Pure.
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x2e80 ? 1 : ch === ' ' ? 0.3 : 0.6;
  }
  return Math.max(width, 1);
}

/**
 * A short Chinese line cut into the pieces it may break between on a narrow screen: after a space
 * (unless 号 follows it: "9 号窗口" and "F009 号" stay whole) and after a full-width comma. Each
 * piece is shown as one unbreakable box, so "F009 号，轮到您了" breaks as "F009 号，/轮到您了"
 * and never as "…轮到您/了". Joined back, the pieces are the text again. A piece keeps its
 * trailing space: show it outside the unbreakable box, or the line cannot break there.
 */
export function phrases(text: string): string[] {
  return text.split(/(?<=，)|(?<= )(?!号)/).filter((p) => p.length > 0);
}

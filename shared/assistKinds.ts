/**
 * 求助's closed lists as plain constants, for the apps to import without pulling zod into their
 * bundles (shared/assist.ts builds its schemas from these).
 */
export const ASSIST_KINDS = ['question', 'conduct', 'equipment', 'other'] as const;
export type AssistKindName = (typeof ASSIST_KINDS)[number];

export const ASSIST_NOTE_MAX = 200;

export const isAssistKind = (k: string): k is AssistKindName => (ASSIST_KINDS as readonly string[]).includes(k);

/** Open or taken: the window still waits for its end. */
export const isAssistActive = (s: string): boolean => s === 'open' || s === 'acknowledged';

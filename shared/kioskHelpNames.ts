/**
 * 自助机呼叫工作人员's plain constants, for the apps to import without pulling zod into their
 * bundles (shared/kioskHelp.ts builds its schemas from these).
 */
export const KIOSK_HELP_STATUSES = ['open', 'acknowledged', 'resolved', 'cancelled'] as const;
export type KioskHelpStatusName = (typeof KIOSK_HELP_STATUSES)[number];

/** Socket.IO namespace of the feature (a kiosk or a staff screen multiplexes it on its one connection). */
export const KIOSK_HELP_NAMESPACE = '/kiosk-help';

/** Open or taken: the citizen still waits at the kiosk. */
export const isKioskHelpActive = (s: string): boolean => s === 'open' || s === 'acknowledged';

/** Which of the panel's own dialogs is open (one at a time; null: none). */
export type Dialog = 'pause' | 'transfer' | 'call' | 'settings' | 'signOut' | 'missing' | 'deferral' | 'deferralSheet' | 'deferralFind' | null;

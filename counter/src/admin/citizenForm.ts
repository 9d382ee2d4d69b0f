/**
 * The 预约与评价 form as its groups share it (components/Citizen*Group.vue): the form being edited
 * and the words of each field's problem. CitizenSettingsPage owns it (load, check, save) and
 * provides it; each group injects it.
 */
import { inject, provide, type InjectionKey } from 'vue';
import type { CitizenForm } from './logic/citizenSettings';

export interface CitizenFormContext {
  form: CitizenForm;
  /** What the field says is wrong: the browser's check first, else the server's ('' = nothing). */
  problem: (field: string) => string;
  /** The id of the field's problem line (for aria-describedby). */
  errId: (field: string) => string;
  /** The field's aria-describedby: its problem when it has one, and its help line. */
  described: (field: string, help?: boolean) => string;
  /** A change made by a button rather than by typing (typing bubbles up to the form). */
  edited: () => void;
}

const KEY: InjectionKey<CitizenFormContext> = Symbol('citizenForm');

export function provideCitizenForm(ctx: CitizenFormContext): void {
  provide(KEY, ctx);
}

export function useCitizenForm(): CitizenFormContext {
  const ctx = inject(KEY);
  if (!ctx) throw new Error('a 预约与评价 group outside CitizenSettingsPage');
  return ctx;
}

export * from './errors';
export * from './schemas';
export type * from './events';

export * from './errors';
export * from './schemas';
export type * from './events';
export * from './admin';
export * from './citizen';
export * from './ratings';
export * from './announce';
export * from './mobile';
export * from './idcard';

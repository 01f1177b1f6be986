export * from './api';
export * from './commands';
export * from './errors';
export * from './feed';
export * from './replica';
export * from './socket';
export * from './tables';
export * from './syncClient';

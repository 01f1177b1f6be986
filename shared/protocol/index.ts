/** The wire: envelopes, feed and snapshot, socket events, the sync client, the renderer's API, and the registry of features. */
export * from './api';
export * from './envelope';
export * from './feed';
export * from './query';
export * from './registry';
export * from './replica';
export * from './socket';
export * from './syncClient';
export * from './ipc';

import { build } from 'vite';

/**
 * The end-to-end tests open the renderer as the hub serves it: build it once per run, as shipped.
 * Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
 */
export default async function setup(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.mts', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

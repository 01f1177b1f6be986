import { build } from 'vite';

/** The end-to-end tests open the renderer as the hub serves it: build it once per run. */
export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.mts', logLevel: 'warn' });
}

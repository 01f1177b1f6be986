import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one page, each face a hash route, served by the hub and loaded by Electron. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120' },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/**
 * Where the built renderer goes. TWOWAY_RENDERER_OUT lets two checkouts' builds (or two developers'
 * e2e runs) not overwrite each other; the preview harness reads the same variable.
 */
export const RENDERER_OUT = resolve(import.meta.dirname, process.env.TWOWAY_RENDERER_OUT ?? 'out/renderer');

/** The renderer build, shared by electron-vite (the app) and the preview harness (tests and demos). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: RENDERER_OUT,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
  },
};

export default rendererConfig;

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { pathAliases } from './aliases.config.ts';

/**
 * Our folders differ from electron-vite's `src/...` defaults, so each part names its entry. The preload
 * is CommonJS because sandboxed preloads cannot be ES modules.
 */
export default defineConfig({
  main: {
    resolve: { alias: pathAliases },
    build: {
      outDir: 'out/main',
      // The spreadsheet parse worker is its own entry: it runs in a worker thread (electron/main/import).
      // The command line (electron/cli) is built beside it, so it runs as JavaScript like the app (no tsx
      // at run time) and finds the worker next to itself; electron/cli/masterplan.mjs starts it.
      lib: {
        entry: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          parseWorker: resolve(import.meta.dirname, 'electron/main/import/parseWorker.ts'),
          cli: resolve(import.meta.dirname, 'electron/cli/index.ts'),
        },
        formats: ['es'],
      },
    },
  },
  preload: {
    resolve: { alias: pathAliases },
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(import.meta.dirname, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    resolve: { alias: pathAliases },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves bundles unminified by default; the renderer is shipped, so minify it.
      minify: true,
      // One bundle loaded from disk by a desktop window, not over a network: its size is no load-time issue.
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});

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
      lib: {
        entry: { index: resolve(import.meta.dirname, 'electron/main/index.ts'), parseWorker: resolve(import.meta.dirname, 'electron/main/import/parseWorker.ts') },
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
      rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});

// Builds the Electron main process and preload. The renderer has its own build
// (renderer/vite.config.ts), shared with browser mode so both serve the very same files.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The aligning process and the sentence pairing run from files of their own (main/index.ts starts them).
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          'alignment-worker': resolve(__dirname, 'main/alignment/worker.ts'),
          'pairing-worker': resolve(__dirname, 'main/parallel/pair-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'main/preload/index.ts') },
        // A sandboxed preload cannot load ES modules, so it ships as one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});

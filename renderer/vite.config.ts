// The renderer build, shared by the Electron build (electron.vite.config.ts) and browser mode
// (`npm run web`), so both serve the very same files.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const root = resolve(import.meta.dirname);

export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    rollupOptions: { input: { index: resolve(root, 'index.html') } },
  },
};

export default defineConfig(rendererConfig);

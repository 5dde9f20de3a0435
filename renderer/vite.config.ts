// The renderer build, used by the Electron app (`npm run build`) and browser mode (`npm run web`),
// so both serve the very same files.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname);

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    rolldownOptions: { input: resolve(root, 'index.html') },
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The console: a static build served by the API process at `/` (see api/admin-static.ts). */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
  server: {
    // `npx vite admin` during development: the API on its usual port answers /graphql and /cohorts
    proxy: { '/graphql': 'http://localhost:4000', '/cohorts': 'http://localhost:4000' },
  },
});

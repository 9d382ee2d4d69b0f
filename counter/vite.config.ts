/**
 * The staff apps: clerk panel (counter.html, served at /counter) and manager console
 * (admin.html, served at /admin). Built into dist/counter; the server maps /static/counter/.
 * Build: `vite build --config counter/vite.config.ts` from the project root.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/static/counter/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../dist/counter', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      // Slow Vue transforms on a 2-core box are expected; the timing report is noise in test logs.
      checks: { pluginTimings: false },
      input: {
        counter: fileURLToPath(new URL('counter.html', import.meta.url)),
        admin: fileURLToPath(new URL('admin.html', import.meta.url)),
      },
    },
  },
  server: {
    // In `vite dev` the pages talk to a server on :3000 (npm start).
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});

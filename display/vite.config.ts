/**
 * Build of the citizen-facing apps: one Vite multi-page build, one html per screen.
 * The server serves the html files at /display, /display/window/:no, /display/rate/:no, /kiosk and /t/:ticketId
 * and the assets under /static/display/ (see the team brief: paths are fixed).
 */
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const here = (file: string): string => decodeURIComponent(new URL(file, import.meta.url).pathname);

/** Where `npm run dev` of the server listens; the Vite dev server proxies live data to it. */
const devServer = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  base: '/static/display/',
  // Every component is <script setup>: without the Options API, Vue's runtime drops that code
  // (smaller pages for phones on a weak signal and for the hall's TV boxes; bench/bundle-size.ts).
  plugins: [vue({ features: { optionsAPI: false } })],
  build: {
    outDir: here('../dist/display'),
    emptyOutDir: true,
    // TVs in a hall run whatever Chromium the box shipped with; stay conservative.
    target: 'chrome100',
    rolldownOptions: {
      input: {
        wall: here('wall.html'),
        window: here('window.html'),
        kiosk: here('kiosk.html'),
        ticket: here('ticket.html'),
        rate: here('rate.html'),
      },
    },
  },
  server: {
    proxy: {
      '/socket.io': { target: devServer, ws: true },
      '/api': devServer,
    },
  },
});

import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('./client', import.meta.url));

export default defineConfig({
  root,
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  // Two entries: the lean handheld (index.html) and the Ant Design console (console.html), so a
  // handheld never downloads the console. The service worker precaches both, so neither finds a
  // chunk missing offline.
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
    rolldownOptions: { input: { handheld: join(root, 'index.html'), console: join(root, 'console.html') } },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.LOTLINE_API_PORT ?? 3000}` } },
  plugins: [
    react(),
    // generateSW: the shell is static files only; offline data lives in IndexedDB, not in the
    // service worker, so a generated precache is all the worker has to do.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      includeAssets: ['icons/*.png'],
      manifest: {
        name: 'Lotline',
        short_name: 'Lotline',
        description: 'Lot traceability and GS1/UDI labelling · 批次追溯与 UDI 标签',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#0f172a',
        theme_color: '#0f172a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,wasm,woff2}'],
        // The handheld's client routes fall back to index.html; /console is precached as
        // console.html (Workbox's clean URLs) and must never be answered with the handheld.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/console/],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The API runs on :3000 in development; the browser always talks to its own origin.
const api = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    // Installable app: the manifest, and our own service worker (src/sw.ts) given the list of
    // build files to precache. Registered by src/lib/pwa.ts, not by the plugin.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Partagora',
        short_name: 'Partagora',
        description: 'Prêter, donner, échanger entre voisins, avec votre mairie.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1f5f3f',
        background_color: '#ffffff',
        categories: ['lifestyle', 'social'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        rollupFormat: 'iife',
        // The app shell: code, styles, the page and the icons; never source maps or .br/.gz twins.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        globIgnores: ['**/*.map', '**/*.br', '**/*.gz', 'sw.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
    // Pre-compressed copies (brotli + gzip) built once, served as they are by the API and nginx.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json|webmanifest|txt)$/,
      exclude: /\.map$/,
      threshold: 1024,
    }),
  ],
  resolve: {
    alias: {
      '@partagora/domain': here('../../libs/domain/src/index.ts'),
      '@partagora/geo': here('../../libs/geo/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
  preview: {
    port: 4300,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true },
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
});

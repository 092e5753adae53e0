import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The API runs on :3000 in development; the browser always talks to its own origin.
const api = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
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

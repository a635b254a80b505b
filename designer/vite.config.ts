import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the server under /designer/; `vite` alone proxies the API to a server on :3000.
export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});

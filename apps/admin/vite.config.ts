import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server forwards API, widget and docs requests to a running API (`npm start` or
// `LB_API_URL`), so the app talks to it same-origin exactly as in production, where the API
// serves this build at `/` (ADMIN_DIR).
const api = process.env.LB_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/v1': { target: api, changeOrigin: false },
      '/widget': { target: api, changeOrigin: false },
      '/docs': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
});

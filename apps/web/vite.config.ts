import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The config's own folder is the root, so the build works from any working directory.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:4200', changeOrigin: false } },
  },
});

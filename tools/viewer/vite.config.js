// Relative asset paths, so dist/ works from any folder and behind `eiisim view`'s
// local server alike.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', chunkSizeWarningLimit: 6000 },
});

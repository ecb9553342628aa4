import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built into dist/renderer with relative paths, so Electron can serve it from its
// app://pigeon/ protocol and the browser host over http.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Maps for a developer's own tools, without the comment that makes a browser fetch them (the
    // browser host refuses *.map anyway, and packaging leaves them out).
    sourcemap: 'hidden',
    // One bundle loaded from disk: size warnings for the web do not apply.
    chunkSizeWarningLimit: 2000,
  },
});

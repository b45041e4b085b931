/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentPlugin } from './src/lessons/build/content-plugin.ts';

const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  plugins: [react(), contentPlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  test: {
    globals: true,
    css: false,
    projects: [
      {
        extends: true,
        // Pure code (content pipeline, routing, the simulator engine) runs in node: an accidental
        // DOM use fails here.
        test: { name: 'node', environment: 'node', include: ['tests/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/**/*.test.tsx'],
          setupFiles: ['./tests/setup.ts'],
        },
      },
    ],
  },
});

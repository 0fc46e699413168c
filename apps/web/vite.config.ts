import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Contracts are read from their TypeScript source, as in the tests and the type check.
  resolve: { conditions: ['@aftersales/source', ...defaultClientConditions] },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/web, which the API serves at / (src/bootstrap/serve-web-app.ts). Everything the
// page loads lands in /assets with a content hash in its name, so it can be cached for a year.
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  // The generated API client is TypeScript source in the repository, not an npm package.
  resolve: {
    alias: {
      '@receipt-vault/client': fileURLToPath(
        new URL('../clients/typescript/src/index.ts', import.meta.url),
      ),
    },
  },
  // Preact's JSX runtime instead of React's; no Babel plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // No inline data: URLs for assets; the CSP allows them for images only.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});

import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { manifest } from './src/pwa/manifest.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// A build tag lets tests build a second, different version of the app to exercise the update prompt.
const appVersion = process.env.VELDWERK_BUILD_TAG ? `${pkg.version}+${process.env.VELDWERK_BUILD_TAG}` : pkg.version;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      manifest,
      includeAssets: ['robots.txt', 'icons/apple-touch-icon.png'],
      // The whole app, both languages and all icons are precached; API responses never are (see src/pwa/sw.ts).
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,json,txt}'] },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});

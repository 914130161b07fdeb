import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { manifest } from './src/pwa/manifest.ts';
import { staticUnlockMarkup, type UnlockWords } from './src/shell/staticUnlock.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// A build tag lets tests build a second, different version of the app to exercise the update prompt.
const appVersion = process.env.VELDWERK_BUILD_TAG ? `${pkg.version}+${process.env.VELDWERK_BUILD_TAG}` : pkg.version;

/**
 * src/boot.ts, compiled on its own and inlined into index.html as a classic script, so it runs while the page
 * is still being parsed: the caseload read then overlaps the loading of the app's code. (As a module script
 * Vite would merge it into the app's entry, which runs only after all of that code.) The server allows it in
 * its CSP by hash, computed from the built index.html.
 */
const BOOT_MARKER = 'veldwerk:boot';
function inlineBootScript(): Plugin {
  let code: Promise<string> | undefined;
  const compile = async () => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: { write: false, target: 'es2022', lib: { entry: 'src/boot.ts', formats: ['iife'], name: 'veldwerkBoot' } },
    });
    const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ code?: string }> };
    return output.output[0]!.code!.trim();
  };
  return {
    name: 'veldwerk-inline-boot',
    // In place of the marker, ahead of the stylesheet: an inline script after a stylesheet waits for it.
    async transformIndexHtml(html) {
      if (!html.includes(BOOT_MARKER)) throw new Error(`index.html lost its ${BOOT_MARKER} comment`);
      code ??= compile();
      const script = `<script>${await code}</script>`;
      return html.replace(new RegExp(`<!-- ${BOOT_MARKER}[^>]*-->`), () => script);
    },
  };
}

/** The unlock screen's copy for a signed-in device's cold start (src/shell/staticUnlock.ts), in both languages. */
const UNLOCK_MARKER = 'veldwerk:unlock';
function inlineStaticUnlock(): Plugin {
  const words = (lang: 'nl' | 'en'): UnlockWords => {
    const account = JSON.parse(readFileSync(new URL(`./locales/${lang}/account.json`, import.meta.url), 'utf8')) as {
      login: { password: string };
      lock: { title: string; intro: string; submit: string; forgotten: string };
    };
    return { title: account.lock.title, intro: account.lock.intro, password: account.login.password, submit: account.lock.submit, forgotten: account.lock.forgotten };
  };
  return {
    name: 'veldwerk-static-unlock',
    transformIndexHtml(html) {
      if (!html.includes(UNLOCK_MARKER)) throw new Error(`index.html lost its ${UNLOCK_MARKER} comment`);
      const markup = staticUnlockMarkup({ nl: words('nl'), en: words('en') });
      return html.replace(new RegExp(`<!-- ${UNLOCK_MARKER}[^>]*-->`), () => markup);
    },
  };
}

/**
 * The admin screens' own modules: online only, for a few people (see src/features/admin). Not model/admin.ts: the
 * sync engine reads the organisation's settings with it, and the engine must load offline.
 */
const ADMIN_ONLY = /src[\\/](features[\\/]admin[\\/]|sync[\\/]adminApi\.ts|shell[\\/]adminConnection\.ts)|locales[\\/]\w+[\\/]admin\.json/;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  // Dexie's own ES module build for modern browsers. The package's default import wraps its UMD build (to guard
  // against two copies in one app, which cannot happen here: only src/db imports it), which costs a separate
  // CommonJS-interop chunk on the first screen's path and 1.3 KiB more.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  plugins: [
    inlineBootScript(),
    inlineStaticUnlock(),
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
      // Except the admin screens: online only by design, for a few people, so no worker's tablet stores them.
      injectManifest: { globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,json,txt}'], globIgnores: ['**/online-*.js'] },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The admin screens fetch their own imports when opened (online, a few people): listing them for preloading
    // would only lengthen the first screen's script for everyone.
    modulePreload: { resolveDependencies: (file, deps) => (file.includes('online-') ? [] : deps) },
    rollupOptions: {
      output: {
        // The small modules nearly every screen shares go into one chunk instead of three tiny ones: each file
        // the first screen needs is one more request to the service worker on a slow tablet's main thread.
        // Chunks made only of the admin screens, their API client and their words are named online-…, so the
        // service worker leaves them out of its precache (see VitePWA above).
        chunkFileNames: (chunk) => (chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => ADMIN_ONLY.test(id)) ? 'assets/online-[name]-[hash].js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [{ name: 'core', test: /src[\\/]model[\\/](dates|ids|validation)\.ts|node_modules[\\/]valibot/ }],
        },
      },
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});

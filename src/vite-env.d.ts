/** Set by vite.config.ts from package.json (plus a build tag in tests). */
declare const __APP_VERSION__: string;

import i18next from 'i18next';
import nl from '../../locales/nl/app.json';
import { LANGUAGE_KEY, storedLanguage } from './languageKey';

/** nl is the source language and is bundled; en is loaded on demand (and precached for offline use). */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Namespaces besides 'app': texts only some screens need, kept out of the first screen's JavaScript and loaded
 * with those screens (loadNamespace). A namespace file holds whole top-level subtrees of the one key tree
 * (instruments.json is `{"instruments": {...}}`), and the namespaces are i18next fallback namespaces, so a key
 * reads the same wherever it lives: moving a subtree out of app.json changes no call site.
 */
export const NAMESPACES = ['instruments', 'visit', 'cards', 'forms', 'settings', 'account', 'admin'] as const;
export type TextNamespace = (typeof NAMESPACES)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    fallbackNS: ['instruments', 'visit', 'cards', 'forms', 'settings', 'account', 'admin'];
    resources: {
      app: typeof nl;
      instruments: typeof import('../../locales/nl/instruments.json');
      visit: typeof import('../../locales/nl/visit.json');
      cards: typeof import('../../locales/nl/cards.json');
      forms: typeof import('../../locales/nl/forms.json');
      settings: typeof import('../../locales/nl/settings.json');
      account: typeof import('../../locales/nl/account.json');
      admin: typeof import('../../locales/nl/admin.json');
    };
  }
}

const loaders: Record<Language, () => Promise<{ default: unknown }>> = {
  nl: async () => ({ default: nl }),
  en: () => import('../../locales/en/app.json'),
};

// Every namespace file of every language, each its own chunk (precached like all chunks, so it loads offline).
const namespaceFiles = import.meta.glob<{ default: object }>(['../../locales/*/*.json', '!../../locales/*/app.json']);

/** The namespaces a screen has asked for: a change of language loads them in the new language too. */
const wanted = new Set<TextNamespace>();

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice; the language is not personal data, so localStorage is fine for it. */
export function rememberedLanguage(): Language {
  const stored = storedLanguage();
  return isLanguage(stored) ? stored : 'nl';
}

export async function startI18n(): Promise<void> {
  await i18next.init({
    lng: 'nl',
    fallbackLng: 'nl',
    defaultNS: 'app',
    fallbackNS: [...NAMESPACES],
    ns: ['app'],
    resources: { nl: { app: nl } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const lang = rememberedLanguage();
  if (lang !== 'nl') await setLanguage(lang);
  else applyToDocument('nl');
}

async function loadBundle(lang: Language, ns: TextNamespace): Promise<void> {
  if (i18next.hasResourceBundle(lang, ns)) return;
  const load = namespaceFiles[`../../locales/${lang}/${ns}.json`];
  if (!load) throw new Error(`No ${ns} texts for ${lang}`);
  i18next.addResourceBundle(lang, ns, (await load()).default);
}

/**
 * Makes a namespace's texts available in the current language; a screen that uses them waits for this before it
 * draws (see src/shell/routes.tsx). Cheap when already loaded.
 */
export async function loadNamespace(ns: TextNamespace): Promise<void> {
  wanted.add(ns);
  const lang = currentLanguage();
  await loadBundle(lang, ns);
  // The language changed while this loaded: the new one needs the texts too.
  if (currentLanguage() !== lang) await loadBundle(currentLanguage(), ns);
}

export async function setLanguage(lang: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'app')) {
    const bundle = await loaders[lang]();
    i18next.addResourceBundle(lang, 'app', bundle.default as object);
  }
  await Promise.all([...wanted].map((ns) => loadBundle(lang, ns)));
  await i18next.changeLanguage(lang);
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this session only.
  }
  applyToDocument(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'nl';
}

export function onLanguageChange(listener: (lang: Language) => void): () => void {
  const handler = () => listener(currentLanguage());
  i18next.on('languageChanged', handler);
  return () => i18next.off('languageChanged', handler);
}

function applyToDocument(lang: Language): void {
  // Only on a change: each write invalidates the document's style or reaches the browser process, and on a cold
  // start index.html already carries the Dutch values.
  const code = lang === 'nl' ? 'nl-BE' : 'en';
  if (document.documentElement.lang !== code) document.documentElement.lang = code;
  const title = i18next.t('app.title');
  if (document.title !== title) document.title = title;
}

export const t = i18next.t.bind(i18next);

import i18next from 'i18next';
import nl from '../../locales/nl/app.json';

/** nl is the source language and is bundled; en is loaded on demand (and precached for offline use). */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'veldwerk.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { app: typeof nl };
  }
}

const loaders: Record<Language, () => Promise<{ default: unknown }>> = {
  nl: async () => ({ default: nl }),
  en: () => import('../../locales/en/app.json'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice; the language is not personal data, so localStorage is fine for it. */
export function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

export async function startI18n(): Promise<void> {
  await i18next.init({
    lng: 'nl',
    fallbackLng: 'nl',
    defaultNS: 'app',
    ns: ['app'],
    resources: { nl: { app: nl } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const lang = rememberedLanguage();
  if (lang !== 'nl') await setLanguage(lang);
  else applyToDocument('nl');
}

export async function setLanguage(lang: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'app')) {
    const bundle = await loaders[lang]();
    i18next.addResourceBundle(lang, 'app', bundle.default as object);
  }
  await i18next.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
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

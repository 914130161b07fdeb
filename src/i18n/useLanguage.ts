import { useEffect, useState } from 'preact/hooks';
import { currentLanguage, onLanguageChange, type Language } from './i18n';

/** The current language, re-rendering when it changes: for screens whose content (not just labels) differs. */
export function useLanguage(): Language {
  const [lang, setLang] = useState(currentLanguage());
  useEffect(() => {
    setLang(currentLanguage()); // a change between the first render and this effect is not missed
    return onLanguageChange(setLang);
  }, []);
  return lang;
}

import { t } from './i18n';
import { THEMES } from '../model/themes';

export function themeOptions(): Array<{ value: string; label: string }> {
  return THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) }));
}

export function themeLabel(theme: string): string {
  return t(`themes.${theme}` as 'themes.wonen');
}

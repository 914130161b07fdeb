import { t } from './i18n';
import { THEMES } from '../model/themes';

export function themeOptions(): Array<{ value: string; label: string }> {
  return THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) }));
}

export function themeLabel(theme: string): string {
  return t(`themes.${theme}` as 'themes.wonen');
}

/**
 * The labels a person may type to find a theme: the one on screen and the Dutch one, since a team working in
 * English still speaks of "schulden" (the Dutch texts are always loaded).
 */
export function themeSearchLabels(theme: string): string[] {
  return [themeLabel(theme), t(`themes.${theme}` as 'themes.wonen', { lng: 'nl' })];
}

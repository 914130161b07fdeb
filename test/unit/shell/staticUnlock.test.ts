import { describe, expect, it } from 'vitest';
import { staticUnlockMarkup, STATIC_PASSWORD_ID, type UnlockWords } from '../../../src/shell/staticUnlock';

const words = (title: string): UnlockWords => ({ title, intro: 'Intro', password: 'Wachtwoord', submit: 'Ontgrendelen', forgotten: 'Vergeten?' });

describe('index.html’s copy of the unlock screen', () => {
  it('carries both languages, each marked, so the stylesheet shows the remembered one', () => {
    const markup = staticUnlockMarkup({ nl: words('Vergrendeld'), en: words('Locked') });
    expect(markup).toContain('<span data-lang="nl">Vergrendeld</span><span data-lang="en">Locked</span>');
  });

  it('writes its words as text, never as markup', () => {
    const markup = staticUnlockMarkup({ nl: words('<img src=x onerror=alert(1)> & "zo"'), en: words('x') });
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;zo&quot;');
    expect(markup).not.toContain('<img');
  });

  it('labels its password field, which takes the focus, and names its two buttons', () => {
    const markup = staticUnlockMarkup({ nl: words('a'), en: words('b') });
    expect(markup).toContain(`<label for="${STATIC_PASSWORD_ID}">`);
    expect(markup).toMatch(new RegExp(`<input id="${STATIC_PASSWORD_ID}" type="password"[^>]* autofocus>`));
    expect(markup.match(/<button type="(submit|button)"/g)).toEqual(['<button type="submit"', '<button type="button"']);
  });
});

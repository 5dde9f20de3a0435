import { describe, expect, it } from 'vitest';
import { formatMessage, languageName, messageParams, resolveUiLanguage } from '../../../renderer/i18n/format';
import { translate } from '../../../renderer/i18n';

describe('formatMessage', () => {
  it('fills in parameters, numbers in the language’s style', () => {
    expect(formatMessage('en', 'Chapter {n}: {title}', { n: 5, title: 'Überwachung' })).toBe('Chapter 5: Überwachung');
    expect(formatMessage('de', 'Tempo {rate}', { rate: 1.25 })).toBe('Tempo 1,25');
    expect(formatMessage('en', 'Tempo {rate}', { rate: 1.25 })).toBe('Tempo 1.25');
  });

  it('keeps a missing parameter visible', () => {
    expect(formatMessage('en', 'Hello {name}')).toBe('Hello {name}');
  });

  it('picks plural forms per language, with # for the number and params inside arms', () => {
    const m = '{count, plural, =0 {no notes} one {# note in {chapter}} other {# notes in {chapter}}}';
    expect(formatMessage('en', m, { count: 0, chapter: 'A' })).toBe('no notes');
    expect(formatMessage('en', m, { count: 1, chapter: 'A' })).toBe('1 note in A');
    expect(formatMessage('en', m, { count: 1200, chapter: 'A' })).toBe('1,200 notes in A');
    expect(formatMessage('de', '{count, plural, one {# Notiz} other {# Notizen}}', { count: 2 })).toBe('2 Notizen');
  });

  it('lists the params a message uses, including those in plural arms', () => {
    expect([...messageParams('{a} and {count, plural, one {# x {b}} other {# y {b}}}')].sort()).toEqual(['a', 'b', 'count']);
  });
});

describe('the document\'s languages in messages', () => {
  it('are named in the UI language, German and English unless a document says otherwise', () => {
    expect(languageName('en', 'ru')).toBe('Russian');
    expect(languageName('de', 'ru')).toBe('Russisch');
    expect(languageName('de', 'el')).toBe('Griechisch');
    expect(translate('en', 'layout.en')).toBe('English only');
    expect(translate('de', 'layout.en')).toBe('Nur Englisch');
    expect(translate('en', 'layout.de')).toBe('German only');
    expect(translate('en', 'layout.en', undefined, { first: 'de', second: 'ru' })).toBe('Russian only');
    expect(translate('de', 'learning.revealEnLabel', undefined, { first: 'de', second: 'el' })).toBe('Griechisch zeigen (dieser Satz)');
    // A French audiobook with its German translation.
    expect(translate('en', 'layout.de', undefined, { first: 'fr', second: 'de' })).toBe('French only');
    expect(translate('de', 'learning.revealDeLabel', undefined, { first: 'fr', second: 'de' })).toBe('Französisch zeigen (dieser Satz)');
    expect(translate('en', 'keys.switchLanguage', undefined, { first: 'fr', second: 'de' })).toBe('Switch the narration between French and German');
    // A tag Intl cannot name is shown as it is, not dropped.
    expect(languageName('en', 'not a tag')).toBe('not a tag');
  });
});

describe('resolveUiLanguage', () => {
  it('follows the system unless a language is chosen', () => {
    expect(resolveUiLanguage('system', 'de-AT')).toBe('de');
    expect(resolveUiLanguage('system', 'DE')).toBe('de');
    expect(resolveUiLanguage('system', 'en-GB')).toBe('en');
    expect(resolveUiLanguage('system', 'fr-FR')).toBe('en');
    expect(resolveUiLanguage('system', undefined)).toBe('en');
    expect(resolveUiLanguage('de', 'en-US')).toBe('de');
    expect(resolveUiLanguage('en', 'de-DE')).toBe('en');
  });
});

describe('translate', () => {
  it('gives each language its text', () => {
    expect(translate('en', 'app.settingsButton')).toBe('Settings');
    expect(translate('de', 'app.settingsButton')).toBe('Einstellungen');
  });
});

// The UI language: German or English for every label, message and the help. The language is the
// setting `uiLanguage`; 'system' follows the system's language (navigator.language starting with
// "de" → German, anything else → English) and changes with it. The provider also sets <html lang>.
//
//   const t = useT();  t('notes.delete')  t('notes.count', { count: 3 })
//
// Outside React (controllers, media session): translate(getUiLanguage(), key, params).
//
// Messages that name the document's second language say "{second}": English for the interview, the
// translation's language for a document the learner paired with, say, Russian. Every message gets
// it without asking; SecondLanguageProvider (around an open document) says which language it is.
import { createContext, createElement, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, languageName, resolveUiLanguage, type MessageParams, type UiLang } from './format';
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey } from './messages';
export type { UiLang, MessageParams } from './format';
export { languageName, resolveUiLanguage } from './format';

export type UiLanguageSetting = 'system' | 'de' | 'en';
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A message in a language; a key missing in that language falls back to English, then to the key.
 * `secondLanguage` is the BCP 47 tag "{second}" names.
 */
export function translate(lang: UiLang, key: MessageKey, params?: MessageParams, secondLanguage = 'en'): string {
  const message = MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
  return formatMessage(lang, message, message.includes('{second}') ? { second: languageName(lang, secondLanguage), ...params } : params);
}

function systemLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

let current: UiLang = resolveUiLanguage('system', systemLanguage());

/** The language the UI shows now (for code outside React). */
export function getUiLanguage(): UiLang {
  return current;
}

interface I18nValue {
  lang: UiLang;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function makeValue(lang: UiLang, secondLanguage = 'en'): I18nValue {
  return { lang, t: (key, params) => translate(lang, key, params, secondLanguage) };
}

export function I18nProvider({ language, children }: { language: UiLanguageSetting; children?: ReactNode }) {
  const [system, setSystem] = useState(systemLanguage);
  useEffect(() => {
    if (language !== 'system' || typeof window === 'undefined') return;
    const onChange = () => setSystem(systemLanguage());
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, [language]);
  const lang = resolveUiLanguage(language, system);
  // The language for code outside React (controllers' messages) follows once the change is
  // committed, never during a render that React may throw away.
  useLayoutEffect(() => {
    current = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => makeValue(lang), [lang]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** Below it, "{second}" in a message names `tag`'s language (an open document's second language). */
export function SecondLanguageProvider({ tag, children }: { tag: string; children?: ReactNode }) {
  const lang = useUiLanguage();
  const value = useMemo(() => makeValue(lang, tag), [lang, tag]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** t(key, params): the message in the UI language. Without a provider: the system language. */
export function useT(): Translate {
  return (useContext(I18nContext) ?? makeValue(current)).t;
}

/** The UI language now: 'de' or 'en'. */
export function useUiLanguage(): UiLang {
  return (useContext(I18nContext) ?? makeValue(current)).lang;
}

// The UI language: German or English for every label, message and the help. The language is the
// setting `uiLanguage`; 'system' follows the system's language (navigator.language starting with
// "de" → German, anything else → English) and changes with it. The provider also sets <html lang>.
//
//   const t = useT();  t('notes.delete')  t('notes.count', { count: 3 })
//
// Outside React (controllers, media session): translate(getUiLanguage(), key, params).
//
// Messages that name the document's languages say "{first}" (the text that is read aloud: German
// for the interview, French for a French audiobook) and "{second}" (its translation: English for
// the interview, Russian for a document the learner paired with Russian). Every message gets them
// without asking; DocumentLanguageNames (around an open document) says which languages they are.
import { createContext, createElement, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, languageName, resolveUiLanguage, type MessageParams, type UiLang } from './format';
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey } from './messages';
export type { UiLang, MessageParams } from './format';
export { languageName, resolveUiLanguage } from './format';

export type UiLanguageSetting = 'system' | 'de' | 'en';
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The BCP 47 tags "{first}" and "{second}" name. */
export interface DocumentLanguageTags {
  first: string;
  second: string;
}

const INTERVIEW_LANGUAGES: DocumentLanguageTags = { first: 'de', second: 'en' };

/** A message in a language; a key missing in that language falls back to English, then to the key. */
export function translate(lang: UiLang, key: MessageKey, params?: MessageParams, languages: DocumentLanguageTags = INTERVIEW_LANGUAGES): string {
  const message = MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
  const named = {
    ...(message.includes('{first}') ? { first: languageName(lang, languages.first) } : {}),
    ...(message.includes('{second}') ? { second: languageName(lang, languages.second) } : {}),
  };
  return formatMessage(lang, message, { ...named, ...params });
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

function makeValue(lang: UiLang, languages = INTERVIEW_LANGUAGES): I18nValue {
  return { lang, t: (key, params) => translate(lang, key, params, languages) };
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

/** Below it, "{first}" and "{second}" in a message name an open document's languages. */
export function DocumentLanguageNames({ first, second, children }: DocumentLanguageTags & { children?: ReactNode }) {
  const lang = useUiLanguage();
  const value = useMemo(() => makeValue(lang, { first, second }), [lang, first, second]);
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

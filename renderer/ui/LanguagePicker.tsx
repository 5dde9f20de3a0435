// Which language a text is in: a list of common languages, named in the UI language, and
// "Another language…" with a field for any BCP 47 tag. Used for the text of an import and for a
// translation. The state is the caller's (LanguageChoice); `chosenTag` checks it.
import { useId } from 'react';
import { LANGUAGE_TAG } from '../../common/edition/language-tags';
import { languageName, useT, useUiLanguage, type Translate } from '../i18n';

/** Languages offered in the list; any other can be typed as a tag. */
export const COMMON_LANGUAGES = ['de', 'en', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'el', 'ru', 'uk', 'tr', 'ar', 'he', 'zh', 'ja', 'ko'] as const;
const OTHER = 'other';

export interface LanguageChoice {
  /** A tag of the list, or "other" with `otherTag`. */
  language: string;
  otherTag: string;
}

export const choiceOf = (tag: string): LanguageChoice => ((COMMON_LANGUAGES as readonly string[]).includes(tag) ? { language: tag, otherTag: '' } : { language: OTHER, otherTag: tag });

/** The chosen tag, or the problem to show. */
export function chosenTag(choice: LanguageChoice, t: Translate): { ok: true; tag: string } | { ok: false; problem: string } {
  const tag = choice.language === OTHER ? choice.otherTag.trim() : choice.language;
  return LANGUAGE_TAG.test(tag) ? { ok: true, tag } : { ok: false, problem: t('translation.badTag', { tag }) };
}

/** A language a book declares ("de-DE", "FR"), as a choice, or null when it is not a tag. */
export function declaredChoice(declared: string | null | undefined): LanguageChoice | null {
  const tag = declared?.trim();
  if (!tag) return null;
  const [primary = '', ...rest] = tag.split('-');
  const normal = [primary.toLowerCase(), ...rest].join('-');
  return LANGUAGE_TAG.test(normal) ? choiceOf((COMMON_LANGUAGES as readonly string[]).includes(primary.toLowerCase()) ? primary.toLowerCase() : normal) : null;
}

export function LanguagePicker({ label, value, onChange }: { label: string; value: LanguageChoice; onChange(value: LanguageChoice): void }) {
  const t = useT();
  const ui = useUiLanguage();
  const ids = useId();
  return (
    <>
      <label htmlFor={`${ids}-lang`}>{label}</label>
      <select id={`${ids}-lang`} value={value.language} onChange={(event) => onChange({ ...value, language: event.target.value })}>
        {COMMON_LANGUAGES.map((tag) => (
          <option key={tag} value={tag}>
            {languageName(ui, tag)}
          </option>
        ))}
        <option value={OTHER}>{t('translation.otherLanguage')}</option>
      </select>
      {value.language === OTHER && (
        <>
          <label htmlFor={`${ids}-tag`}>{t('translation.tag')}</label>
          <input id={`${ids}-tag`} type="text" value={value.otherTag} maxLength={35} onChange={(event) => onChange({ ...value, otherTag: event.target.value })} />
        </>
      )}
    </>
  );
}

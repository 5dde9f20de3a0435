// The fields that give a translation: a file (text, Markdown or EPUB, an EPUB unpacked in the main
// process) or pasted text, its format (Markdown's "# " lines are chapter headings, which title the
// document's chapters), and its language from a list or as a tag. Shared by "Add translation…"
// and the import dialog, whose translation is optional. The state is the caller's
// (TranslationInput); `translationRequest` checks it and turns it into what the bridge takes.
import { useId } from 'react';
import { BOOK_EXTENSIONS } from '../../common/bridge/import-contract';
import { LANGUAGE_TAG } from '../../common/edition/language-tags';
import { guessLanguage } from '../../common/text/guess-language';
import { useBackend } from '../bridge/backend-context';
import { languageName, useT, useUiLanguage, type Translate } from '../i18n';
import { FileField } from '../ui/FileField';

/** Languages offered first; any other can be typed as a tag. */
const COMMON_LANGUAGES = ['en', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'el', 'ru', 'uk', 'tr', 'ar', 'he', 'zh', 'ja', 'ko'] as const;
const OTHER = 'other';

export interface TranslationInput {
  text: string;
  format: 'plain' | 'markdown';
  /** A tag of the list, or "other" with `otherTag`. */
  language: string;
  otherTag: string;
}

export const NO_TRANSLATION: TranslationInput = { text: '', format: 'plain', language: 'en', otherTag: '' };

/** What the bridge's addTranslation takes, or the problem to show. */
export function translationRequest(input: TranslationInput, t: Translate): { ok: true; text: string; format: 'plain' | 'markdown'; language: string } | { ok: false; problem: string } {
  if (input.text.trim() === '') return { ok: false, problem: t('translation.noText') };
  const language = input.language === OTHER ? input.otherTag.trim() : input.language;
  if (!LANGUAGE_TAG.test(language)) return { ok: false, problem: t('translation.badTag', { tag: language }) };
  return { ok: true, text: input.text, format: input.format, language };
}

function isBook(file: File): boolean {
  return (BOOK_EXTENSIONS as readonly string[]).includes(file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase());
}

function withLanguage(input: TranslationInput, tag: string): TranslationInput {
  return (COMMON_LANGUAGES as readonly string[]).includes(tag) ? { ...input, language: tag } : { ...input, language: OTHER, otherTag: tag };
}

export function TranslationFields({ value, onChange, onStatus, onProblem }: { value: TranslationInput; onChange(value: TranslationInput): void; onStatus(message: string): void; onProblem(message: string | null): void }) {
  const t = useT();
  const ui = useUiLanguage();
  const ids = useId();
  const { api, upload } = useBackend();
  const guessed = value.text.trim() === '' ? null : guessLanguage(value.text);

  const readFile = async (file: File) => {
    onProblem(null);
    try {
      if (isBook(file)) {
        // An EPUB is unpacked in the main process (safely, its DRM checked), never in the page.
        onStatus(t('translation.readingFile', { name: file.name }));
        const uploadId = await upload(file);
        try {
          const book = await api.readImportText({ uploadId });
          const read: TranslationInput = { ...value, text: book.text, format: 'markdown' };
          onChange(book.language && LANGUAGE_TAG.test(book.language.toLowerCase()) ? withLanguage(read, book.language.toLowerCase()) : read);
        } finally {
          void api.discardUpload({ uploadId }).catch(() => undefined);
        }
      } else {
        onChange({ ...value, text: await file.text(), format: /\.(md|markdown)$/i.test(file.name) ? 'markdown' : 'plain' });
      }
      onStatus(t('translation.fileRead', { name: file.name }));
    } catch (error) {
      onProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <FileField label={t('translation.chooseFile')} accept=".txt,.md,.markdown,.epub,text/plain,text/markdown,application/epub+zip" onFiles={([file]) => void readFile(file!)} />
      <label htmlFor={`${ids}-text`}>{t('translation.text')}</label>
      <textarea id={`${ids}-text`} rows={8} value={value.text} onChange={(event) => onChange({ ...value, text: event.target.value })} />
      <label htmlFor={`${ids}-format`}>{t('translation.format')}</label>
      <select id={`${ids}-format`} value={value.format} onChange={(event) => onChange({ ...value, format: event.target.value === 'markdown' ? 'markdown' : 'plain' })}>
        <option value="plain">{t('import.format.plain')}</option>
        <option value="markdown">{t('import.format.markdown')}</option>
      </select>
      <label htmlFor={`${ids}-lang`}>{t('translation.language')}</label>
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
      {guessed === 'de' && <p aria-live="polite">{t('translation.looksGerman')}</p>}
    </>
  );
}

// The fields that give a translation: a file (text, Markdown or EPUB, an EPUB unpacked in the main
// process) or pasted text, its format (Markdown's "# " lines are chapter headings, which title the
// document's chapters), and its language from a list or as a tag. Shared by "Add translation…"
// and the import dialog, whose translation is optional. The state is the caller's
// (TranslationInput); `translationRequest` checks it and turns it into what the bridge takes.
import { useDeferredValue, useId, useMemo } from 'react';
import { BOOK_EXTENSIONS } from '../../common/bridge/import-contract';
import { primarySubtag } from '../../common/edition/language-tags';
import { readLanguage } from '../../common/text/guess-language';
import { useBackend } from '../bridge/backend-context';
import { languageName, useT, useUiLanguage, type Translate } from '../i18n';
import { FileField } from '../ui/FileField';
import { chosenTag, declaredChoice, LanguagePicker, type LanguageChoice } from '../ui/LanguagePicker';

export interface TranslationInput extends LanguageChoice {
  text: string;
  format: 'plain' | 'markdown';
}

export const NO_TRANSLATION: TranslationInput = { text: '', format: 'plain', language: 'en', otherTag: '' };

/** What the bridge's addTranslation takes, or the problem to show. */
export function translationRequest(input: TranslationInput, t: Translate): { ok: true; text: string; format: 'plain' | 'markdown'; language: string } | { ok: false; problem: string } {
  if (input.text.trim() === '') return { ok: false, problem: t('translation.noText') };
  const language = chosenTag(input, t);
  if (!language.ok) return language;
  return { ok: true, text: input.text, format: input.format, language: language.tag };
}

function isBook(file: File): boolean {
  return (BOOK_EXTENSIONS as readonly string[]).includes(file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase());
}

/** `originalTag`: the language of the document's own text, which a translation should not be in. */
export function TranslationFields({ value, originalTag, onChange, onStatus, onProblem }: { value: TranslationInput; originalTag: string; onChange(value: TranslationInput): void; onStatus(message: string): void; onProblem(message: string | null): void }) {
  const t = useT();
  const ui = useUiLanguage();
  const ids = useId();
  const { api, upload } = useBackend();
  // Speaks up when the translation plainly is in the original's language, not the one chosen.
  const text = useDeferredValue(value.text);
  const reading = useMemo(() => readLanguage(text), [text]);
  const chosen = chosenTag(value, t);
  const looksLikeOriginal = reading.likely === primarySubtag(originalTag) && !(chosen.ok && reading.couldBe(chosen.tag));

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
          onChange({ ...read, ...declaredChoice(book.language) });
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
      <LanguagePicker label={t('translation.language')} value={value} onChange={(choice) => onChange({ ...value, ...choice })} />
      {looksLikeOriginal && <p aria-live="polite">{t('translation.looksLikeOriginal', { language: languageName(ui, originalTag) })}</p>}
    </>
  );
}

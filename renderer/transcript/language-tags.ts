// The languages of the open document, for everything shown of it: the `lang` attributes follow the
// edition's language tags (common/edition/language-tags.ts), so a translation in Russian is marked
// Russian though it sits in the edition's second slot, and the labels that name a language ("Show
// English", "German only") name the document's own (Russian, French).
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { languageTag } from '../../common/edition/language-tags';
import type { Edition, Lang } from '../../common/edition/model';
import { DocumentLanguageNames } from '../i18n';

export const LanguageTagsContext = createContext<Partial<Record<Lang, string>> | undefined>(undefined);

export function useLanguageTag(lang: Lang): string {
  return languageTag({ languageTags: useContext(LanguageTagsContext) }, lang);
}

/** Around an open document's screen: its language tags, and the names of its languages in labels. */
export function DocumentLanguages({ edition, children }: { edition: Pick<Edition, 'languageTags'>; children?: ReactNode }) {
  return createElement(
    LanguageTagsContext.Provider,
    { value: edition.languageTags },
    createElement(DocumentLanguageNames, { first: languageTag(edition, 'de'), second: languageTag(edition, 'en') }, children),
  );
}

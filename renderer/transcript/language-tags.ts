// The transcript's `lang` attributes follow the edition's language tags (common/edition/language-tags.ts):
// a translation in Russian is marked Russian, though it sits in the edition's second slot.
import { createContext, useContext } from 'react';
import { languageTag } from '../../common/edition/language-tags';
import type { Lang } from '../../common/edition/model';

export const LanguageTagsContext = createContext<Partial<Record<Lang, string>> | undefined>(undefined);

export function useLanguageTag(lang: Lang): string {
  return languageTag({ languageTags: useContext(LanguageTagsContext) }, lang);
}

// The language a text of an edition is in, as a BCP 47 tag for `lang` attributes, segmenters and
// voices. The edition model has two slots, named after the interview's German and English; a
// translation the learner added may be in any language and is tagged where the slot's name is not
// its language (Edition.languageTags).
import type { Edition, Lang } from './model';

export function languageTag(edition: Pick<Edition, 'languageTags'>, lang: Lang): string {
  return edition.languageTags?.[lang] ?? lang;
}

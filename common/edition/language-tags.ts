// The language a text of an edition is in, as a BCP 47 tag for `lang` attributes, segmenters and
// voices. The edition model has two slots, named after the interview's German and English: the
// text that is read aloud ('de') and its translation ('en'). Either may be in any language, and is
// tagged where the slot's name is not its language (Edition.languageTags): a French audiobook has
// its text in the first slot tagged 'fr', a translation the learner added in Russian sits in the
// second slot tagged 'ru'.
import type { Edition, Lang } from './model';

/** BCP 47 as far as the app needs it: a language, then script, region or variant subtags. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function languageTag(edition: Pick<Edition, 'languageTags'>, lang: Lang): string {
  return edition.languageTags?.[lang] ?? lang;
}

/** The language without script or region: 'pt' for 'pt-BR', 'de' for 'de-CH'. */
export function primarySubtag(tag: string): string {
  return tag.toLowerCase().split(/[-_+]/)[0] ?? '';
}

const names = new Map<string, Intl.DisplayNames>();

/** A language's name in another language ("ru" in "en" → "Russian"); a tag Intl does not know is given as it is. */
export function languageName(inLanguage: string, tag: string): string {
  let display = names.get(inLanguage);
  if (!display) names.set(inLanguage, (display = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' })));
  try {
    return display.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Whether a slot's text is in the language the slot is named after (a German text in 'de'). */
export function speaksSlotLanguage(edition: Pick<Edition, 'languageTags'>, lang: Lang): boolean {
  return primarySubtag(languageTag(edition, lang)) === lang;
}

// Abbreviations after which a point does not end a sentence, and the words that show a number with
// a point is an ordinal ("am 3. Oktober"). Intl.Segmenter (ICU's sentence rules, without the
// locale "suppressions" that ICU4C can load) breaks after every "word. Capital", which is wrong
// after these. Only abbreviations that (almost) never end a sentence are listed: "usw.", "etc.",
// "и т. д." often do, and ICU already keeps them when a lowercase word follows.
// Keys are primary language subtags; the lists are matched case-sensitively (as written).

const LISTS: Record<string, readonly string[]> = {
  de: [
    'Abb', 'Abs', 'Anm', 'Art', 'Bd', 'Bsp', 'bspw', 'bzgl', 'bzw', 'ca', 'Dipl', 'Dr', 'dt', 'ebd', 'engl', 'evtl',
    'Fa', 'ff', 'frz', 'geb', 'gem', 'ggf', 'Hr', 'Hrsg', 'Ing', 'inkl', 'Jh', 'Jhd', 'Kap', 'lt', 'Mio', 'Mrd',
    'Nr', 'Prof', 'Red', 'sog', 'St', 'Str', 'Tel', 'Tsd', 'usf', 'vgl', 'Vors', 'zit', 'zzgl',
  ],
  en: [
    'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'vs', 'No', 'Nos', 'Inc', 'Ltd', 'Co', 'Corp', 'Mt', 'approx',
    'cf', 'Fig', 'Vol', 'pp', 'Gen', 'Sen', 'Rep', 'Gov', 'Capt', 'Lt', 'Col', 'Sgt', 'Rev', 'Hon',
  ],
  fr: ['M', 'MM', 'Mme', 'Mlle', 'Dr', 'Pr', 'St', 'Ste', 'cf', 'env', 'p', 'n°', 'vol'],
  es: ['Sr', 'Sra', 'Srta', 'Dr', 'Dra', 'Ud', 'Uds', 'pág', 'núm', 'aprox'],
  it: ['Sig', 'Sigg', 'Dott', 'Prof', 'ca', 'pag', 'cfr'],
  nl: ['dhr', 'mevr', 'Dr', 'Prof', 'blz', 'bijv', 'nr', 'ca'],
  ru: ['г', 'гг', 'ул', 'им', 'проф', 'акад', 'см', 'ср', 'рис', 'стр', 'тыс', 'млн', 'млрд', 'руб', 'коп', 'напр'],
  uk: ['вул', 'ім', 'проф', 'див', 'рис', 'тис', 'млн', 'млрд', 'напр'],
  el: ['κ', 'κα', 'Δρ', 'καθ', 'σελ', 'αρ', 'π.χ', 'δηλ'],
};

const ALL = new Set(Object.values(LISTS).flat());
const BY_LANG = new Map(Object.entries(LISTS).map(([lang, list]) => [lang, new Set(list)]));

/** The primary subtag of a BCP 47 tag or an eSpeak voice name ("de", "en-GB", "en-us" -> "en"). */
export function primaryLanguage(lang: string | undefined): string | undefined {
  const primary = lang?.toLowerCase().split(/[-_+]/)[0];
  return primary ? primary : undefined;
}

/**
 * The abbreviations (without their point) that do not end a sentence in this language; for a
 * language without a list, or none given, those of every language (a stray "Dr." in a text of
 * an unlisted language is still an abbreviation, and the lists hardly collide with sentence ends).
 */
export function abbreviationsFor(lang: string | undefined): ReadonlySet<string> {
  const primary = primaryLanguage(lang);
  return (primary && BY_LANG.get(primary)) || ALL;
}

// Languages that write ordinals as a number with a point: German, the Nordic languages, Czech,
// Slovak, Polish, Hungarian, Turkish, the South Slavic and Baltic languages, Finnish, Estonian.
const ORDINAL_POINT = new Set(['de', 'da', 'nb', 'nn', 'no', 'is', 'fo', 'cs', 'sk', 'pl', 'hu', 'tr', 'sl', 'hr', 'sr', 'bs', 'lv', 'lt', 'fi', 'et']);

/** Whether "3." can be an ordinal in this language (unknown language: yes, as German). */
export function hasOrdinalPoint(lang: string | undefined): boolean {
  const primary = primaryLanguage(lang);
  return primary === undefined || ORDINAL_POINT.has(primary);
}

// German words that follow an ordinal: months and the nouns counted by ordinals. A number with a
// point before one of these is an ordinal, whatever precedes it.
const AFTER_ORDINAL = new Set([
  'Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
  'Jan', 'Feb', 'Mär', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Okt', 'Nov', 'Dez',
  'Jahrhundert', 'Jahrhunderts', 'Jahrtausend', 'Jahrtausends', 'Jahrestag', 'Geburtstag', 'Lebensjahr', 'Mal', 'Platz',
  'Stock', 'Etage', 'Klasse', 'Kapitel', 'Auflage', 'Runde', 'Spieltag', 'Weltkrieg', 'Weltkriegs', 'Parteitag', 'Kongress',
  'Sinfonie', 'Symphonie', 'Satz', 'Band', 'Akt', 'Szene', 'Stufe', 'Liga', 'Bundesliga', 'Quartal', 'Semester', 'Stelle',
]);

// German words that precede an ordinal: articles and prepositions fused with them ("im 19.
// Jahrhundert", "der 2. Weltkrieg", "bis zum 5. Mai"). Before a bare year ("im Jahr 2020.") no such
// word stands directly in front of the number.
const BEFORE_ORDINAL = new Set([
  'am', 'im', 'vom', 'zum', 'beim', 'ab', 'bis', 'seit', 'zur', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine',
  'einen', 'einem', 'eines', 'jeder', 'jede', 'jedes', 'jeden', 'jedem', 'sein', 'seine', 'seinen', 'seinem', 'ihr',
  'ihre', 'ihren', 'ihrem', 'unser', 'unsere', 'unseren', 'unserem', 'Am', 'Im', 'Vom', 'Zum', 'Ab', 'Bis', 'Seit', 'Der',
  'Die', 'Das', 'Den', 'Dem', 'Des',
]);

export function followsOrdinal(word: string): boolean {
  return AFTER_ORDINAL.has(word);
}

export function precedesOrdinal(word: string): boolean {
  return BEFORE_ORDINAL.has(word);
}

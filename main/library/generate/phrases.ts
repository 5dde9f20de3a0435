// The vocabulary of generated documents: German/English noun phrases and sentence patterns that
// read like an interview about technology and the state. Chosen for search tests rather than
// style: long compounds ("Überwachungsstaat", "Bonitätssystem") whose parts are words of their own
// ("Staat", "System"), umlauts and ß in every position, so inside-word and folded search
// (ü/ue/u, ß/ss) have something to find; and numbers, which the word splitter treats specially.

export interface Noun {
  /** Nominative, accusative and dative with their article: the patterns pick the case they need. */
  nom: string;
  acc: string;
  dat: string;
  en: string;
}

function masculine(word: string, en: string): Noun {
  return { nom: `der ${word}`, acc: `den ${word}`, dat: `dem ${word}`, en };
}
function feminine(word: string, en: string): Noun {
  return { nom: `die ${word}`, acc: `die ${word}`, dat: `der ${word}`, en };
}
function neuter(word: string, en: string): Noun {
  return { nom: `das ${word}`, acc: `das ${word}`, dat: `dem ${word}`, en };
}

export const NOUNS: readonly Noun[] = [
  masculine('Überwachungsstaat', 'the surveillance state'),
  neuter('Bonitätssystem', 'the credit rating system'),
  neuter('Sozialkreditsystem', 'the social credit system'),
  masculine('Staat', 'the state'),
  neuter('System', 'the system'),
  feminine('Gesichtserkennung', 'facial recognition'),
  neuter('Datenschutzgesetz', 'the data protection law'),
  masculine('Straßenverkehr', 'road traffic'),
  feminine('Fußgängerzone', 'the pedestrian zone'),
  feminine('Öffentlichkeit', 'the public'),
  feminine('Außenpolitik', 'foreign policy'),
  feminine('Bürgerbeteiligung', 'citizen participation'),
  feminine('Größenordnung', 'the order of magnitude'),
  feminine('Qualitätskontrolle', 'quality control'),
  masculine('Übergang', 'the transition'),
  feminine('Überwachungskamera', 'the surveillance camera'),
  neuter('Verkehrssystem', 'the traffic system'),
  feminine('Plattformökonomie', 'the platform economy'),
  masculine('Wohlfahrtsstaat', 'the welfare state'),
  feminine('Rechtsstaatlichkeit', 'the rule of law'),
  masculine('Maßstab', 'the yardstick'),
  feminine('Datenverarbeitung', 'data processing'),
  neuter('Zahlungssystem', 'the payment system'),
  feminine('Stadtverwaltung', 'the city administration'),
  masculine('Äußerungsspielraum', 'the room for speech'),
  feminine('Gemeinschaftsküche', 'the communal kitchen'),
  neuter('Frühwarnsystem', 'the early warning system'),
  feminine('Volksrepublik', "the People's Republic"),
];

export interface Pattern {
  de: string;
  en: string;
}

// Slots: {nom1} {acc1} {dat1} the first noun in the German case the sentence needs, {en1} its
// English; {nom2} {acc2} {dat2} {en2} a second, different noun. A sentence that starts with a slot
// gets a capital letter when it is filled in.
export const PATTERNS: readonly Pattern[] = [
  { de: '{nom1} verändert {acc2}.', en: '{en1} changes {en2}.' },
  { de: 'Niemand weiß genau, wie {nom1} funktioniert.', en: 'Nobody knows exactly how {en1} works.' },
  { de: 'Wir haben lange über {acc1} gesprochen.', en: 'We talked about {en1} for a long time.' },
  { de: '{nom1} ist größer, als viele glauben.', en: '{en1} is bigger than many believe.' },
  { de: 'Ohne {acc1} wäre {nom2} kaum denkbar.', en: 'Without {en1}, {en2} would hardly be conceivable.' },
  { de: 'Seit Jahren wächst {nom1} in fast allen Städten.', en: 'For years {en1} has been growing in almost every city.' },
  { de: 'Was bedeutet {nom1} für die Bürger?', en: 'What does {en1} mean for the citizens?' },
  { de: 'Man muss {acc1} im Zusammenhang mit {dat2} sehen.', en: 'One has to see {en1} in connection with {en2}.' },
  { de: 'In Peking beobachtet man {acc1} sehr genau.', en: 'In Beijing, {en1} is watched very closely.' },
  { de: 'Die Regierung hat {acc1} schon 2014 angekündigt.', en: 'The government announced {en1} as early as 2014.' },
  { de: 'Viele Menschen in Shanghai finden {acc1} praktisch, manche sogar beruhigend.', en: 'Many people in Shanghai find {en1} practical, some even reassuring.' },
  { de: 'Daraus folgt nicht, dass {nom1} überall gleich aussieht.', en: 'It does not follow that {en1} looks the same everywhere.' },
  { de: 'Größere Unternehmen müssen {acc1} regelmäßig prüfen lassen.', en: 'Larger companies have to have {en1} checked regularly.' },
  { de: 'Für die Außenpolitik spielt {nom1} eine größere Rolle als für die Wirtschaft.', en: 'For foreign policy, {en1} plays a bigger role than for the economy.' },
  { de: 'Im 19. Jahrhundert hätte sich niemand {acc1} vorstellen können.', en: 'In the 19th century nobody could have imagined {en1}.' },
  { de: 'Etwa 2,5 Prozent der Haushalte lehnen {acc1} ausdrücklich ab.', en: 'About 2.5 percent of households expressly reject {en1}.' },
  { de: 'Das Verhältnis zwischen {dat1} und {dat2} ist kompliziert.', en: 'The relationship between {en1} and {en2} is complicated.' },
  { de: 'Wer {acc1} kritisiert, muss mit Ärger rechnen.', en: 'Whoever criticises {en1} has to expect trouble.' },
  { de: 'Außerhalb der großen Städte spürt man {acc1} kaum.', en: 'Outside the big cities one hardly notices {en1}.' },
  { de: 'Ist {nom1} am Ende nur ein Versprechen?', en: 'Is {en1} in the end only a promise?' },
  { de: 'Die Frage ist, wem {nom1} eigentlich nützt.', en: 'The question is whom {en1} actually benefits.' },
  { de: 'Früher hat man {acc1} mit Papier und Stempeln verwaltet, heute mit Software.', en: 'In the past {en1} was managed with paper and stamps, today with software.' },
  { de: 'Gleichzeitig wird {nom1} immer unübersichtlicher.', en: 'At the same time {en1} is becoming ever harder to survey.' },
  { de: 'Dass {nom1} so schnell kommen würde, hat viele überrascht.', en: 'That {en1} would come so quickly surprised many.' },
];

// Short answers and asides: real conversations are full of them, and they vary sentence lengths.
export const SHORT: readonly Pattern[] = [
  { de: 'Ja.', en: 'Yes.' },
  { de: 'Genau.', en: 'Exactly.' },
  { de: 'Das ist eine gute Frage.', en: 'That is a good question.' },
  { de: 'Nicht ganz.', en: 'Not quite.' },
  { de: 'Das glaube ich nicht.', en: "I don't believe that." },
  { de: 'Schwer zu sagen.', en: 'Hard to say.' },
  { de: 'Natürlich.', en: 'Of course.' },
  { de: 'So einfach ist es nicht.', en: 'It is not that simple.' },
  { de: 'Gewiss, aber nur teilweise.', en: 'Certainly, but only in part.' },
  { de: 'Außerdem ist das teuer.', en: 'Besides, that is expensive.' },
];

// Ways to join two clauses into one longer sentence.
export const JOINERS: readonly Pattern[] = [
  { de: ', und ', en: ', and ' },
  { de: '; trotzdem ', en: '; even so, ' },
  { de: ', aber ', en: ', but ' },
  { de: ' – und außerdem ', en: ' – and besides, ' },
];

export const CHAPTER_WORDS: readonly Pattern[] = [
  { de: 'Anfänge', en: 'Beginnings' },
  { de: 'Über Daten und Macht', en: 'On Data and Power' },
  { de: 'Der Alltag', en: 'Everyday Life' },
  { de: 'Größere Zusammenhänge', en: 'The Larger Picture' },
  { de: 'Straßen und Städte', en: 'Streets and Cities' },
  { de: 'Was bleibt', en: 'What Remains' },
  { de: 'Grüße aus Shanghai', en: 'Greetings from Shanghai' },
  { de: 'Das Bonitätssystem', en: 'The Credit Rating System' },
  { de: 'Im Überwachungsstaat', en: 'In the Surveillance State' },
];

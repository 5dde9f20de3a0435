// Small parallel texts for the alignment tests, written like a real article and its translation.
// Each paragraph is one line; "# " lines are chapter headings.

export const GERMAN = [
  '# Die Mauer',
  'Im November 1989 fiel in Berlin die Mauer. Niemand hatte an diesem Abend damit gerechnet. Tausende Menschen strömten über die Grenze.',
  'Warum kam es so plötzlich? Die Historikerin Anna Weber erklärt es mit dem Druck der Strasse.',
  '# Die Einheit',
  'Am 3. Oktober 1990 wurde Deutschland wiedervereinigt. Helmut Kohl sprach von blühenden Landschaften. Viele glaubten ihm.',
  'Die Kosten waren enorm: mehr als 2 Billionen Euro flossen in den Osten.',
  '# Die Folgen',
  'Noch heute verdienen Menschen im Osten weniger. Die Löhne liegen etwa 20 Prozent unter denen im Westen. Ist das gerecht?',
  'Weber meint, die Einheit sei noch nicht vollendet.',
];

export const ENGLISH = [
  '# The Wall',
  'In November 1989 the Wall fell in Berlin. Nobody had expected it that evening. Thousands of people streamed across the border.',
  'Why did it happen so suddenly? The historian Anna Weber explains it by the pressure of the street.',
  '# Unity',
  'On 3 October 1990 Germany was reunified. Helmut Kohl spoke of flourishing landscapes. Many believed him.',
  'The costs were enormous: more than 2 trillion euros flowed to the East.',
  '# The consequences',
  'Even today people in the East earn less. Wages are about 20 percent below those in the West. Is that fair?',
  'Weber thinks that unity has not yet been completed.',
];

export const RUSSIAN = [
  '# Стена',
  'В ноябре 1989 года в Берлине пала стена. Никто в тот вечер этого не ожидал. Тысячи людей хлынули через границу.',
  'Почему это произошло так внезапно? Историк Анна Вебер объясняет это давлением улицы.',
  '# Единство',
  '3 октября 1990 года Германия воссоединилась. Гельмут Коль говорил о цветущих ландшафтах. Многие ему поверили.',
  'Расходы были огромными: более 2 триллионов евро ушли на Восток.',
  '# Последствия',
  'И сегодня люди на Востоке зарабатывают меньше. Зарплаты примерно на 20 процентов ниже, чем на Западе. Справедливо ли это?',
  'Вебер считает, что единство ещё не завершено.',
];

export const GREEK = [
  '# Το Τείχος',
  'Τον Νοέμβριο του 1989 έπεσε το Τείχος στο Βερολίνο. Κανείς δεν το περίμενε εκείνο το βράδυ. Χιλιάδες άνθρωποι πέρασαν τα σύνορα.',
  'Γιατί συνέβη τόσο ξαφνικά; Η ιστορικός Άννα Βέμπερ το εξηγεί με την πίεση του δρόμου.',
  '# Η Ενότητα',
  'Στις 3 Οκτωβρίου 1990 η Γερμανία επανενώθηκε. Ο Χέλμουτ Κολ μίλησε για ανθισμένα τοπία. Πολλοί τον πίστεψαν.',
  'Το κόστος ήταν τεράστιο: πάνω από 2 τρισεκατομμύρια ευρώ πήγαν στην Ανατολή.',
  '# Οι Συνέπειες',
  'Ακόμη και σήμερα οι άνθρωποι στην Ανατολή κερδίζουν λιγότερα. Οι μισθοί είναι περίπου 20 τοις εκατό χαμηλότεροι από τη Δύση. Είναι αυτό δίκαιο;',
  'Ο Βέμπερ πιστεύει ότι η ενότητα δεν έχει ολοκληρωθεί ακόμη.',
];

/** Paragraph lines as a plain text (blank lines between them). */
export function plain(lines: readonly string[]): string {
  return lines.join('\n\n');
}

export const FRENCH = [
  '# Le mur',
  'En novembre 1989, le mur est tombé à Berlin. Personne ne s’y attendait ce soir-là. Des milliers de personnes ont franchi la frontière.',
  'Pourquoi cela s’est-il passé si soudainement ? L’historienne Anna Weber l’explique par la pression de la rue.',
  '# L’unité',
  'Le 3 octobre 1990, l’Allemagne a été réunifiée. Helmut Kohl parlait de paysages florissants. Beaucoup l’ont cru.',
  'Les coûts ont été énormes : plus de 2 billions d’euros sont allés à l’Est.',
  '# Les conséquences',
  'Aujourd’hui encore, les gens de l’Est gagnent moins. Les salaires sont inférieurs d’environ 20 pour cent à ceux de l’Ouest. Est-ce juste ?',
  'Weber pense que l’unité n’est pas encore achevée.',
];

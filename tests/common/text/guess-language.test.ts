import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../common/edition/parse';
import { readLanguage } from '../../../common/text/guess-language';

// Short paragraphs of ordinary prose, as the first page of an imported text would be.
const PROSE: Record<string, string> = {
  de: 'Der Zug nach Hamburg fährt jeden Morgen um acht Uhr ab, aber heute ist er wieder nicht pünktlich. Wir warten auf dem Bahnsteig, trinken einen Kaffee und lesen die Zeitung, während es draußen regnet. Niemand weiß, wann er endlich kommt, und die Ansagen sagen nur, dass es noch etwas dauern wird.',
  en: 'The train to the coast leaves every morning at eight, but today it is late again. We wait on the platform, drink a coffee and read the paper while it rains outside. Nobody knows when it will finally arrive, and the announcements only say that it will take a little longer.',
  fr: "Le train pour la côte part chaque matin à huit heures, mais aujourd'hui il est encore en retard. Nous attendons sur le quai, nous buvons un café et nous lisons le journal pendant qu'il pleut dehors. Personne ne sait quand il arrivera enfin, et les annonces disent seulement que cela prendra encore un peu de temps.",
  es: 'El tren hacia la costa sale cada mañana a las ocho, pero hoy vuelve a llegar tarde. Esperamos en el andén, tomamos un café y leemos el periódico mientras llueve fuera. Nadie sabe cuándo llegará por fin, y los avisos solo dicen que tardará un poco más.',
  it: "Il treno per la costa parte ogni mattina alle otto, ma oggi è di nuovo in ritardo. Aspettiamo sul binario, beviamo un caffè e leggiamo il giornale mentre fuori piove. Nessuno sa quando arriverà finalmente, e gli annunci dicono soltanto che ci vorrà ancora un po' di tempo.",
  ru: 'Поезд к морю отправляется каждое утро в восемь часов, но сегодня он снова опаздывает. Мы ждём на платформе, пьём кофе и читаем газету, пока на улице идёт дождь. Никто не знает, когда он наконец придёт, а объявления говорят только, что придётся подождать ещё немного.',
  zh: '去海边的火车每天早上八点出发，可是今天它又晚点了。我们在站台上等着，喝咖啡，看报纸，外面一直在下雨。谁也不知道它什么时候才会到，广播只是说还要再等一会儿。',
};

describe('readLanguage', () => {
  it('names the language of a paragraph of prose, as BCP 47 names it', () => {
    for (const [language, text] of Object.entries(PROSE)) expect(readLanguage(text).likely, language).toBe(language);
  });

  it('tells the interview’s German and its English apart, each as a whole book would be read', () => {
    const parsed = parseEdition(readFileSync(join(__dirname, '../../../transcripts/china-sieht-alles/edition.yaml'), 'utf8'), 'edition.yaml');
    if (!parsed.ok) throw new Error('the bundled edition does not parse');
    const german = parsed.edition.sentences.map((s) => s.de).join(' ');
    const english = parsed.edition.sentences.map((s) => s.en).filter(Boolean).join(' ');
    expect(readLanguage(german).likely).toBe('de');
    expect(readLanguage(english).likely).toBe('en');
    expect(readLanguage(german).couldBe('en')).toBe(false);
    expect(readLanguage(english).couldBe('de')).toBe(false);
  });

  it('says a text could be in its own language with any region, and not in a plainly other one', () => {
    const german = readLanguage(PROSE.de!);
    expect(german.couldBe('de-CH')).toBe(true);
    expect(german.couldBe('fr')).toBe(false);
    expect(german.couldBe('ru')).toBe(false);
    const french = readLanguage(PROSE.fr!);
    expect(french.couldBe('fr-CA')).toBe(true);
    expect(french.couldBe('de')).toBe(false);
  });

  it('cannot tell, and so says any language could be, for a text too short or a language it has no model of', () => {
    const short = readLanguage('Hallo Welt, wie geht es?');
    expect(short.likely).toBeNull();
    expect(short.couldBe('fr')).toBe(true);
    // Basque is not among the languages the guess knows: whatever the text looks like, it could be Basque.
    expect(readLanguage(PROSE.es!).couldBe('eu')).toBe(true);
    // An invented language subtag is one it has no model of either.
    expect(readLanguage(PROSE.de!).couldBe('qaa')).toBe(true);
  });

  it('is not swayed by a quotation in another language, and cannot tell a text that is half one, half another', () => {
    const germanBook = Array.from({ length: 12 }, () => PROSE.de!).join('\n\n');
    const quoted = `${germanBook.slice(0, 3000)} ${PROSE.en} ${germanBook.slice(3000)}`;
    expect(readLanguage(quoted).likely).toBe('de');
    const halves = `${Array.from({ length: 6 }, () => PROSE.de!).join('\n\n')}\n\n${Array.from({ length: 6 }, () => PROSE.fr!).join('\n\n')}`;
    const mixed = readLanguage(halves);
    expect(mixed.likely).toBeNull();
    expect(mixed.couldBe('fr')).toBe(true);
  });
});

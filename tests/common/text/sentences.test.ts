import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../common/text/sentences';

describe('splitSentences: German', () => {
  it('does not end a sentence after abbreviations ICU breaks at', () => {
    expect(splitSentences('Das ist z. B. ein Test. Dr. Müller kam. Nr. 5 ist gut, bzw. 3,5 geht auch.', 'de')).toEqual([
      'Das ist z. B. ein Test.',
      'Dr. Müller kam.',
      'Nr. 5 ist gut, bzw. 3,5 geht auch.',
    ]);
    expect(splitSentences('Er ist Prof. Dr. Heilmann, d. h. Sinologe. Vgl. S. 12.', 'de')).toEqual([
      'Er ist Prof. Dr. Heilmann, d. h. Sinologe.',
      'Vgl. S. 12.',
    ]);
  });

  it('keeps ordinals before months and counted nouns, and after articles', () => {
    expect(splitSentences('Er kam am 3. Oktober. Das war im 19. Jahrhundert. Es ist der 2. Versuch.', 'de')).toEqual([
      'Er kam am 3. Oktober.',
      'Das war im 19. Jahrhundert.',
      'Es ist der 2. Versuch.',
    ]);
  });

  it('still ends a sentence after a year', () => {
    // "2020." here is a sentence end: no article or preposition stands before it, no month after it.
    expect(splitSentences('Das begann im Jahr 2020. Dann kam alles anders.', 'de')).toEqual([
      'Das begann im Jahr 2020.',
      'Dann kam alles anders.',
    ]);
  });

  it('handles «» and „“ quotes', () => {
    expect(splitSentences('Er sagte: «Big Data ist ein Geschenk!» Dann ging er.', 'de')).toEqual([
      'Er sagte: «Big Data ist ein Geschenk!»',
      'Dann ging er.',
    ]);
    // ICU breaks after "?“" although the sentence goes on in lowercase.
    expect(splitSentences('„Kommst du?“ fragte sie. „Ja“, sagte er.', 'de')).toEqual(['„Kommst du?“ fragte sie.', '„Ja“, sagte er.']);
  });

  it('reads decimals and ellipses', () => {
    expect(splitSentences('Es waren 2.5 Millionen. Er zögerte ... dann ging er. Warte... Was?', 'de')).toEqual([
      'Es waren 2.5 Millionen.',
      'Er zögerte ... dann ging er.',
      'Warte...',
      'Was?',
    ]);
  });

  it('keeps initials with the name', () => {
    expect(splitSentences('J. R. R. Tolkien schrieb. Sebastian H. Heilmann auch.', 'de')).toEqual([
      'J. R. R. Tolkien schrieb.',
      'Sebastian H. Heilmann auch.',
    ]);
  });

  it('joins hard-wrapped lines and drops empty input', () => {
    expect(splitSentences('Ein Satz,\nder umbricht.\n  Noch einer.  ', 'de')).toEqual(['Ein Satz, der umbricht.', 'Noch einer.']);
    expect(splitSentences('  \n ', 'de')).toEqual([]);
  });
});

describe('splitSentences: English', () => {
  it('knows Mr., e.g. and U.S.', () => {
    expect(splitSentences('Mr. Smith went to cities, e.g. Berlin. The U.S. economy grew. He lives in the U.S. He is happy.', 'en')).toEqual([
      'Mr. Smith went to cities, e.g. Berlin.',
      'The U.S. economy grew.',
      'He lives in the U.S.',
      'He is happy.',
    ]);
  });

  it('does not take an English year for an ordinal', () => {
    expect(splitSentences('It began in the year 2020. The rest followed.', 'en')).toEqual(['It began in the year 2020.', 'The rest followed.']);
    // "the 3." would be a German ordinal; English has none with a point.
    expect(splitSentences('He chose the 3. October came.', 'en')).toEqual(['He chose the 3.', 'October came.']);
  });

  it('keeps a question and the lowercase words that go on after it', () => {
    expect(splitSentences('“Why?” he asked. Nobody knew!', 'en')).toEqual(['“Why?” he asked.', 'Nobody knew!']);
  });
});

describe('splitSentences: other scripts', () => {
  it('splits Russian at . ! ? and knows its abbreviations', () => {
    expect(splitSentences('Привет! Как дела? Это т. е. хорошо. Это было в 2020 г. в Москве. Он сказал: «Да».', 'ru')).toEqual([
      'Привет!',
      'Как дела?',
      'Это т. е. хорошо.',
      'Это было в 2020 г. в Москве.',
      'Он сказал: «Да».',
    ]);
  });

  it('takes ";" for the Greek question mark, in Greek text only', () => {
    expect(splitSentences('Τι κάνεις; Καλά. Είναι π.χ. καλό! Ναι.', 'el')).toEqual(['Τι κάνεις;', 'Καλά.', 'Είναι π.χ. καλό!', 'Ναι.']);
    expect(splitSentences('Τι κάνεις\u037e Καλά.', 'el')).toEqual(['Τι κάνεις\u037e', 'Καλά.']);
    expect(splitSentences('Two parts; one sentence.', 'en')).toEqual(['Two parts; one sentence.']);
  });

  it('splits Chinese and Arabic at their own marks', () => {
    expect(splitSentences('你好。你是谁？我很好！', 'zh')).toEqual(['你好。', '你是谁？', '我很好！']);
    expect(splitSentences('كيف حالك؟ أنا بخير.', 'ar')).toEqual(['كيف حالك؟', 'أنا بخير.']);
  });

  it('accepts an eSpeak voice name that is no language tag', () => {
    expect(splitSentences('Dr. Müller kam. Er ging.', 'de+f2')).toEqual(['Dr. Müller kam.', 'Er ging.']);
  });
});

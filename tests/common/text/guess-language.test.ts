import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../common/text/guess-language';

describe('guessLanguage', () => {
  it('tells German from English by their common words', () => {
    expect(guessLanguage('Der Zug fährt um acht Uhr ab, und er ist nicht pünktlich. Wir warten auf ihn.')).toBe('de');
    expect(guessLanguage('The train leaves at eight, and it is not on time. We wait for it at the station.')).toBe('en');
  });

  it('does not guess for a text too short, or in a language it does not know', () => {
    expect(guessLanguage('Hallo Welt')).toBe('unknown');
    expect(guessLanguage('Le train part à huit heures et il arrive en retard à la gare de Lyon ce soir.')).toBe('unknown');
    expect(guessLanguage('Поезд отправляется в восемь часов, и он не приходит вовремя на вокзал.')).toBe('unknown');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../common/edition/parse';
import type { Edition } from '../../../common/edition/model';
import { buildTranscriptModel, languagesShown, unitIds } from '../../../renderer/transcript/layout-model';

function smallEdition(): Edition {
  const source = readFileSync(resolve(import.meta.dirname, '../../fixtures/editions/valid-small.yaml'), 'utf8');
  const result = parseEdition(source, 'valid-small.yaml');
  if (!result.ok) throw new Error('fixture does not parse');
  return result.edition;
}

describe('transcript layout model', () => {
  const edition = smallEdition();

  it('keeps chapters, paragraphs and speaker names in reading order', () => {
    const model = buildTranscriptModel(edition, 'side-by-side');
    expect(model.map((c) => c.chapter.id)).toEqual(['ch01', 'ch02']);
    const turns = model.flatMap((c) => c.paragraphs).filter((p) => p.paragraph.kind === 'turn');
    expect(turns[0]!.speaker).toEqual({ de: 'Die Zeitung', en: 'The Newspaper' });
    expect(turns[1]!.speaker?.de).toBe('Anna Müller');
  });

  it('groups sentences that share their English into one row, so both languages line up', () => {
    const model = buildTranscriptModel(edition, 'side-by-side');
    const units = model.flatMap((c) => c.paragraphs.flatMap((p) => p.units));
    const shared = units.find((u) => u.id === 's004')!;
    expect(shared.sentences.map((s) => s.id)).toEqual(['s004', 's005']);
    expect(shared.english?.id).toBe('s004');
    expect(units.some((u) => u.id === 's005')).toBe(false);
  });

  it('gives every German sentence its own unit in the German-only layout', () => {
    const ids = unitIds(buildTranscriptModel(edition, 'de'));
    expect(ids).toContain('s005');
    expect(ids).toEqual(edition.sentences.map((s) => s.id));
  });

  it('shows the English only where it is carried in the English-only layout', () => {
    const ids = unitIds(buildTranscriptModel(edition, 'en'));
    expect(ids).toContain('s004');
    expect(ids).not.toContain('s005');
    expect(languagesShown('en')).toEqual({ de: false, en: true });
    expect(languagesShown('interleaved')).toEqual({ de: true, en: true });
  });

  it('keeps gap paragraphs (their note stands in for the missing text)', () => {
    const gaps = buildTranscriptModel(edition, 'interleaved').flatMap((c) => c.paragraphs).filter((p) => p.paragraph.kind === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.paragraph.note?.en).toBe('[question missing]');
  });
});

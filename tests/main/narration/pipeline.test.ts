// Which voice reads a paragraph, now that speaker roles are free words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../common/edition/parse';
import type { Edition } from '../../../common/edition/model';
import { planTrack, voiceRole } from '../../../main/narration/pipeline';
import { DEFAULT_SETTINGS } from '../../../main/narration/settings';

function edition(path: string): Edition {
  const result = parseEdition(readFileSync(new URL(path, import.meta.url), 'utf8'), path);
  if (!result.ok) throw new Error('fixture does not parse');
  return result.edition;
}

function withRole(role: string): Edition {
  const e = edition('../../fixtures/editions/valid-small.yaml');
  return { ...e, speakers: e.speakers.map((s) => (s.id === 'mueller' ? { ...s, role } : s)) };
}

describe('voiceRole', () => {
  it('keeps the interview’s voices: narrator for title, standfirst and quotes, the two roles their own', () => {
    const e = edition('../../fixtures/editions/valid-small.yaml');
    expect(e.paragraphs.filter((p) => p.kind !== 'gap').map((p) => [p.id, voiceRole(p, e)])).toEqual([
      ['p001', 'narrator'],
      ['p002', 'narrator'],
      ['p003', 'interviewer'],
      ['p004', 'interviewee'],
      ['p006', 'interviewee'],
      ['p007', 'narrator'],
      ['p008', 'narrator'],
    ]);
  });

  it('gives a host the leading voice, a narrator the narrator’s, and any other role the main speaking voice', () => {
    const turn = (e: Edition) => voiceRole(e.paragraphs.find((p) => p.id === 'p004')!, e);
    expect(turn(withRole('host'))).toBe('interviewer');
    expect(turn(withRole('narrator'))).toBe('narrator');
    expect(turn(withRole('guest'))).toBe('interviewee');
    expect(turn(withRole('expert'))).toBe('interviewee');
    // A role named like an Object.prototype member must not find a "voice" there.
    expect(turn(withRole('constructor'))).toBe('interviewee');
  });

  it('plans a German-only edition with its roles’ voices', () => {
    const e = edition('../../fixtures/editions/valid-german-only.yaml');
    const voices = DEFAULT_SETTINGS.voices.de;
    expect(planTrack(e, 'de', DEFAULT_SETTINGS).map((step) => [step.sentenceId, step.voice])).toEqual([
      ['s001', voices.narrator],
      ['s002', voices.interviewer],
      ['s003', voices.interviewer],
      ['s004', voices.interviewer],
      ['s005', voices.interviewee],
    ]);
  });
});

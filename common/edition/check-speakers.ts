// The "speakers" section: a mapping from speaker id to name and role.

import { isMap } from 'yaml';
import type { SpeakerRole } from './model';
import { textShape, type CheckState, type SpeakerRecord } from './check-state';
import { describe, keyName, type Field } from './yaml-nodes';

const SPEAKER_KEYS = ['name', 'role'] as const;
const SPEAKER_ID = /^[a-z0-9-]+$/;
// A role is free (the narration picks a voice by it, see main/narration/pipeline.ts), but it is one
// short lowercase word, so that "Interviewer" and "interviewer " cannot be two roles.
const ROLE = /^[a-z]+(?:-[a-z]+)*$/;
const ROLE_MAX = 24;
const ROLE_EXAMPLES = 'e.g. narrator, host, guest, interviewer or interviewee';
const ROLE_SHAPE = `a short lowercase word, ${ROLE_EXAMPLES}`;

export function checkSpeakers(state: CheckState, field: Field): void {
  if (!isMap(field.value)) {
    state.read.add(field.keyLine, `"speakers" must be a mapping from speaker id to name and role (found ${describe(field.value)})`);
    return;
  }
  const mapLine = state.read.lineOf(field.value, field.keyLine);
  for (const pair of field.value.items) {
    const line = state.read.lineOf(pair.key, state.read.lineOf(pair.value, mapLine));
    const id = keyName(pair.key);
    if (id === null) {
      state.read.add(line, `"speakers" has an entry without a speaker id`);
      continue;
    }
    const first = state.speakerLines.get(id);
    if (first !== undefined) {
      state.read.add(line, `duplicate speaker id ${id} (first used on line ${first})`);
      continue;
    }
    state.speakerLines.set(id, line);
    const record: SpeakerRecord = { id, name: null, role: null };
    state.speakers.set(id, record);
    if (!SPEAKER_ID.test(id)) state.read.add(line, `speaker id "${id}" must be lowercase letters, digits and hyphens ([a-z0-9-]+)`);

    const what = `speaker ${id}`;
    if (!isMap(pair.value)) {
      state.read.add(line, `${what} must be a mapping with name and role (found ${describe(pair.value)})`);
      continue;
    }
    const fields = state.read.fields(pair.value, what, SPEAKER_KEYS);
    const nameField = fields.get('name');
    if (!nameField) state.read.add(line, `${what} has no name (name: ${textShape(state)})`);
    else record.name = state.read.bilingual(nameField, `the name of ${what}`, state.english);

    const roleField = fields.get('role');
    if (!roleField) state.read.add(line, `${what} has no role (${ROLE_SHAPE})`);
    else {
      const role = state.read.reference(roleField, `the role of ${what}`, ROLE_SHAPE);
      if (role !== null) {
        if (ROLE.test(role) && role.length <= ROLE_MAX) record.role = role as SpeakerRole;
        else state.read.add(roleField.keyLine, `${what} has role "${role}", which is not a short lowercase word (${ROLE_EXAMPLES})`);
      }
    }
  }
}

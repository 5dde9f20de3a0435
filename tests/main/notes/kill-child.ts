// The child of the kill test (kill.test.ts): opens the notes database as the app does, then saves
// notes in a loop, printing "ack ..." only after each save has returned (committed). The parent
// kills it with SIGKILL at a random moment. Usage: kill-child.ts <dataDir> <seed>
import { join } from 'node:path';
import { openUserDatabase as openNotesDatabase } from '../../../main/userdb/database';
import { createNotesStore } from '../../../main/notes/store';

const [dataDir, seedText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: kill-child.ts <dataDir> <seed>');
let seed = Number(seedText ?? 1) || 1;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const { db } = openNotesDatabase(join(dataDir, 'notes', 'notes.sqlite'), join(dataDir, 'backups'));
const store = createNotesStore(db);
const mine: string[] = [];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  if (mine.length > 0 && random() < 0.3) {
    const id = mine[Math.floor(random() * mine.length)]!;
    store.update({ id, text: `Version ${i} – geändert, Straße ${i}` });
    process.stdout.write(`ack update ${id} ${i}\n`);
  } else {
    const note = store.create({ documentId: 'doc', sentenceIds: ['s001'], time: i, text: `Notiz ${seed} ${i} Überwachung\n${'x'.repeat(Math.floor(random() * 2000))}`, tags: ['kill'] });
    mine.push(note.id);
    process.stdout.write(`ack create ${note.id} ${i}\n`);
  }
}

// The kill test: a child process saves notes in a loop and is killed with SIGKILL at random
// moments, over and over, on the same database (some kills land while it opens, checks and
// migrates the database, most while it writes). Afterwards every save the child acknowledged must be
// there, the database must pass integrity_check, and it must open without any recovery.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserDatabase as openNotesDatabase } from '../../../main/userdb/database';
import { ftsIntegrityOk } from '../../../main/userdb/upkeep';
import { createNotesStore } from '../../../main/notes/store';
import { REPO, tempDir } from './helpers';

const KILLS = 120;
const CHILD = join(REPO, 'tests', 'main', 'notes', 'kill-child.ts');

interface Acks {
  created: Map<string, number>;
  /** Highest acknowledged version per updated note. */
  updated: Map<string, number>;
}

/** Runs one child and kills it; resolves with what it acknowledged before dying. */
function runAndKill(dataDir: string, seed: number, acks: Acks): Promise<{ reachedReady: boolean; acked: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(seed)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let reachedReady = false;
    let acked = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    // About one kill in six lands before the child is ready (while it opens and checks the file).
    const early = Math.random() < 1 / 6;
    if (early) timer = setTimeout(kill, Math.random() * 250);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const [word, kind, id, version] = line.split(' ');
        if (word === 'ready') {
          reachedReady = true;
          if (!early) timer = setTimeout(kill, Math.random() * 60);
        } else if (word === 'ack' && id && version) {
          acked++;
          if (kind === 'create') acks.created.set(id, Number(version));
          else acks.updated.set(id, Math.max(acks.updated.get(id) ?? -1, Number(version)));
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (code ${code}): ${stderr.slice(0, 2000)}`));
      else resolve({ reachedReady, acked });
    });
  });
}

describe('notes survive SIGKILL', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    temp = tempDir('mitlesen-kill-');
  });
  afterAll(() => temp.remove());

  it(`keeps every acknowledged save through ${KILLS} kills at random moments`, { timeout: 180_000 }, async () => {
    const acks: Acks = { created: new Map(), updated: new Map() };
    let killsWhileWriting = 0;
    for (let round = 0; round < KILLS; round++) {
      const { reachedReady, acked } = await runAndKill(temp.dir, round + 1, acks);
      if (reachedReady && acked > 0) killsWhileWriting++;
    }
    expect(killsWhileWriting).toBeGreaterThan(KILLS / 2);
    expect(acks.created.size).toBeGreaterThan(0);

    const { db, problem } = openNotesDatabase(join(temp.dir, 'notes', 'notes.sqlite'), join(temp.dir, 'backups'));
    try {
      expect(problem).toBeNull();
      expect(readdirSync(join(temp.dir, 'notes')).filter((name) => name.includes('corrupt'))).toEqual([]);
      expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
      expect(ftsIntegrityOk(db)).toBe(true);
      const store = createNotesStore(db);
      const missing = [...acks.created.keys()].filter((id) => store.get(id) === null);
      expect(missing).toEqual([]);
      for (const [id, version] of acks.updated) {
        const text = store.get(id)!.text;
        const stored = Number(/^Version (\d+)/.exec(text)?.[1] ?? -1);
        expect(stored, `note ${id}`).toBeGreaterThanOrEqual(version);
      }
      console.log(`kill test: ${KILLS} kills (${killsWhileWriting} while writing), ${acks.created.size} acknowledged notes and ${acks.updated.size} acknowledged updates, all present`);
    } finally {
      db.close();
    }
  });
});

// eSpeak is put where echogarden looks for it, from the npm package: also over a link left by an
// install of the app that has since moved or gone (a dangling link broke alignment until it did).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideEspeakPackage, useEngineHome } from '../../../main/alignment/espeak-package';

let home: string;
const saved = { HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE };
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mitlesen-espeak-home-'));
  useEngineHome(home);
});
afterEach(() => {
  process.env.HOME = saved.HOME;
  process.env.USERPROFILE = saved.USERPROFILE;
  rmSync(home, { recursive: true, force: true });
});

describe('provideEspeakPackage', () => {
  it('links the npm package where echogarden looks, and finds it there the next time', async () => {
    const target = await provideEspeakPackage();
    expect(target.startsWith(home)).toBe(true);
    expect(existsSync(join(target, 'espeak-ng.js'))).toBe(true);
    expect(await provideEspeakPackage()).toBe(target);
  });

  it('replaces a link that points at an install that is gone', async () => {
    const target = await provideEspeakPackage();
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(home, 'an-old-install', 'node_modules', 'espeak'), target, 'junction');
    expect(existsSync(join(target, 'espeak-ng.js'))).toBe(false);
    const again = await provideEspeakPackage();
    expect(existsSync(join(again, 'espeak-ng.js'))).toBe(true);
    if (lstatSync(again).isSymbolicLink()) expect(readlinkSync(again)).not.toContain('an-old-install');
  });
});

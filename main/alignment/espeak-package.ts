// Echogarden loads eSpeak as a "package" from <app data>/echogarden/packages/<name>-<tag>/ and
// downloads it from a hub when it is missing, which fails offline. The same WebAssembly build
// ships on npm (@echogarden/espeak-ng-emscripten, a dependency of the app), so we put it where
// echogarden looks, before echogarden first asks for it. The app data folder is derived from the
// home folder; the aligner process points HOME at a folder of our own (`engineHome`), so nothing is
// written into the user's real home and echogarden never finds anything there we did not put.
import { cpSync, existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = '@echogarden/espeak-ng-emscripten';

/** Points the process's home at `engineHome`: call before echogarden is imported. */
export function useEngineHome(engineHome: string): void {
  mkdirSync(engineHome, { recursive: true });
  process.env.HOME = engineHome;
  process.env.USERPROFILE = engineHome;
}

/** Makes echogarden's eSpeak package folder exist, from the npm package. Returns its path. */
export async function provideEspeakPackage(): Promise<string> {
  const { getAppDataDir } = await import('echogarden/dist/utilities/PathUtilities.js');
  const { resolveToVersionedPackageNameIfNeeded } = await import('echogarden/dist/utilities/PackageManager.js');
  const target = join(getAppDataDir('echogarden'), 'packages', resolveToVersionedPackageNameIfNeeded('espeak-ng-emscripten'));
  const source = dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  // A link made by another install of the app (moved, updated or removed since) is made again to
  // this one's package; a dangling link or a copy cut short is removed, never used.
  if (linkTarget(target) !== null && linkTarget(target) !== source) rmSync(target, { force: true });
  if (existsSync(join(target, 'espeak-ng.js'))) return target;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    // A junction needs no privileges on Windows; elsewhere it is an ordinary directory link.
    symlinkSync(source, target, 'junction');
  } catch {
    cpSync(source, target, { recursive: true });
  }
  return target;
}

/** Where a symbolic link points, or null when the path is not one (or does not exist). */
function linkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  } catch {
    return null;
  }
}

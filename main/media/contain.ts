// Resolves a relative name inside a folder and proves the result stays inside it, after symlinks.
import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export async function resolveInside(root: string, relative: string): Promise<{ path: string; size: number } | null> {
  if (relative.includes('\0')) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(resolve(realRoot, relative));
    if (!real.startsWith(realRoot + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

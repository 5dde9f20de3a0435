// The folder Electron would choose as userData for an app named "Mitlesen", so browser mode and
// the desktop app share one set of notes and settings.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Mitlesen');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mitlesen');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Mitlesen');
}

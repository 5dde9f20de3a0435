// `npm run web`: serve Mitlesen to a browser on this machine.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNarration } from '../narration/ensure';
import { pathsFromRoot } from '../paths';
import { createServices } from '../services';
import { defaultUserDataDir } from '../user-data';
import { startWebHost } from './server';

const usage = `Usage: npm run web -- [--port <n>] [--host <address>] [--data-dir <folder>]
  --port      port to listen on (default: a free one)
  --host      address to bind (default 127.0.0.1; anything else exposes your notes to the network)
  --data-dir  where notes and settings live (default: the desktop app's folder)`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".\n\n${usage}`);
    process.exit(2);
  }
  const root = resolve(import.meta.dirname, '..', '..');
  const paths = pathsFromRoot(root, values['data-dir'] ? resolve(values['data-dir']) : defaultUserDataDir());
  if (!existsSync(resolve(paths.rendererDir, 'index.html'))) {
    console.error('The renderer is not built. Run "npm run web" (it builds first), not this file directly.');
    process.exit(1);
  }
  await ensureNarration({ repoRoot: root, log: (line) => console.log(line) });
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  const services = await createServices({ paths, host: 'web', version });
  const host = await startWebHost({
    handlers: services.handlers,
    events: services.events,
    uploads: services.uploads,
    media: services.media,
    rendererDir: paths.rendererDir,
    port,
    ...(values.host ? { hostname: values.host } : {}),
  });
  if (values.host && values.host !== '127.0.0.1' && values.host !== 'localhost') {
    console.warn(`Warning: listening on ${values.host}; anyone who can reach it and knows the address can read your notes.`);
  }
  console.log(`\nMitlesen is ready. Open this address in your browser:\n\n  ${host.url}\n\nData folder: ${paths.dataDir}\nPress Ctrl+C to stop.`);
  const stop = async () => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Mitlesen could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// The text of a book the user imports (EPUB without DRM), read in the main process. Placeholder
// entry point until the EPUB reader lands: it refuses every book with a message that says so, so
// the dialog shows a clear answer instead of failing.
import { BridgeError } from '../../common/bridge/contract';
import type { ImportText } from '../../common/bridge/import-contract';

export async function readBookText(_path: string, shownAs: string): Promise<ImportText> {
  throw new BridgeError('invalid-argument', `${shownAs}: reading the text of an EPUB is not available yet; export the text as .txt or .md and choose that.`);
}

// Which document opens at start: the one the user opened last, while it is still in the library and
// ready; on a first start the bundled interview; else the first document that can open.
import type { DocumentSummary } from '../../common/bridge/contract';

type Listed = Pick<DocumentSummary, 'id' | 'kind' | 'status' | 'lastOpenedAt'>;

export function startDocument(documents: readonly Listed[]): string | null {
  const ready = documents.filter((d) => d.status === 'ready');
  let last: Listed | null = null;
  for (const doc of ready) {
    // ISO times in UTC compare as text.
    if (doc.lastOpenedAt !== null && (last === null || doc.lastOpenedAt > last.lastOpenedAt!)) last = doc;
  }
  return (last ?? ready.find((d) => d.kind === 'bundled') ?? ready[0])?.id ?? null;
}

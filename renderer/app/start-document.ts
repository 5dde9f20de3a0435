// Which document opens at start: the one the user had open last, while it is still in the library
// and ready; else the bundled interview (a first start shows it); else the first document that can open.
import type { DocumentSummary } from '../../common/bridge/contract';

type Listed = Pick<DocumentSummary, 'id'> & { kind?: string; status?: string };

export function startDocument(documents: readonly Listed[], lastId: string | null): string | null {
  const ready = documents.filter((d) => d.status === undefined || d.status === 'ready');
  const last = lastId ? ready.find((d) => d.id === lastId) : undefined;
  if (last) return last.id;
  return (ready.find((d) => d.kind === undefined || d.kind === 'bundled') ?? ready[0])?.id ?? null;
}

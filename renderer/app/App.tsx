import { useEffect, useState } from 'react';
import type { AppInfo, DocumentSummary } from '../../common/bridge/contract';
import { useBackend } from './backend-context';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo; documents: DocumentSummary[] }
  | { status: 'failed'; message: string };

export function App() {
  const { api } = useBackend();
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    Promise.all([api.getAppInfo(), api.listDocuments()]).then(
      ([info, documents]) => live && setState({ status: 'ready', info, documents }),
      (error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Mitlesen</h1>
      </header>
      <main className="shell-main" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <p>Opening…</p>}
        {state.status === 'failed' && (
          <p role="alert">Mitlesen could not reach its back end: {state.message}</p>
        )}
        {state.status === 'ready' && (
          <ul aria-label="Documents">
            {state.documents.map((doc) => (
              <li key={doc.id} lang="de">
                {doc.title.de}
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

// The app: finds the document, the user's settings and the saved place, then opens the player.
// Every way this can fail ends in a message with a way on, never in a blank window.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentBundle, SettingsState } from '../../common/bridge/contract';
import type { Layout } from '../transcript/layout-model';
import { Notice } from '../ui/Notice';
import { AppFrame } from './AppFrame';
import { useBackend } from './backend-context';
import { DocumentScreen } from './DocumentScreen';
import { installShortcuts } from './shortcuts';

type Phase =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'empty' }
  | { status: 'open'; documentId: string; bundle: DocumentBundle; settings: SettingsState };

export function App() {
  const { api } = useBackend();
  const [phase, setPhase] = useState<Phase>({ status: 'loading' });
  const [layout, setLayout] = useState<Layout>('side-by-side');
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const attempt = useRef(0);

  useEffect(() => installShortcuts(), []);

  // The start-up requests, shared by a remount that happens while they are under way (React's
  // StrictMode mounts twice in development), so the back end is asked once per start or retry.
  const inFlight = useRef<Promise<Exclude<Phase, { status: 'loading' }>> | null>(null);

  const load = useCallback(
    (retry: boolean) => {
      // A newer attempt (Try again) wins over one still under way.
      const mine = ++attempt.current;
      setPhase({ status: 'loading' });
      if (retry || !inFlight.current) {
        inFlight.current = (async () => {
          const [documents, settings] = await Promise.all([api.listDocuments(), api.getSettings()]);
          const first = documents[0];
          if (!first) return { status: 'empty' } as const;
          const bundle = await api.loadDocument({ documentId: first.id });
          return { status: 'open', documentId: first.id, bundle, settings } as const;
        })().catch((error: unknown) => ({ status: 'failed', message: error instanceof Error ? error.message : String(error) }) as const);
      }
      void inFlight.current.then((next) => {
        if (mine !== attempt.current) return;
        if (next.status === 'open') {
          setLayout(next.settings.settings.layout);
          setSettingsProblem(next.settings.problem);
        }
        setPhase(next);
      });
    },
    [api],
  );
  const retry = useCallback(() => load(true), [load]);

  useEffect(() => load(false), [load]);

  const changeLayout = (next: Layout) => {
    setLayout(next);
    api.updateSettings({ patch: { layout: next } }).catch(() => undefined);
  };

  if (phase.status === 'open') {
    const appNotices = settingsProblem ? (
      <Notice tone="warning" title="Your settings were reset" actions={[{ label: 'OK', onClick: () => setSettingsProblem(null) }]}>
        <p>{settingsProblem} Anything you change now is saved again as usual.</p>
      </Notice>
    ) : null;
    return (
      <DocumentScreen
        documentId={phase.documentId}
        bundle={phase.bundle}
        settings={phase.settings.settings}
        layout={layout}
        onLayoutChange={changeLayout}
        onReload={retry}
        appNotices={appNotices}
      />
    );
  }

  return (
    <AppFrame
      title=""
      main={
        <div className="app-message">
          {phase.status === 'loading' && <p aria-busy="true">Opening…</p>}
          {phase.status === 'empty' && (
            <Notice tone="error" title="There is no document to open" actions={[{ label: 'Look again', onClick: retry }]}>
              <p>Mitlesen found no valid document in its transcripts folder.</p>
            </Notice>
          )}
          {phase.status === 'failed' && (
            <Notice tone="error" title="Mitlesen could not open the document" actions={[{ label: 'Try again', onClick: retry }]}>
              <p className="preformatted">{phase.message}</p>
            </Notice>
          )}
        </div>
      }
    />
  );
}

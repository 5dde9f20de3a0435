// The app: reads the user's settings and the library, opens a document by its id (the one open
// last, else the bundled interview), and opens another when the user picks one. Every way this can
// fail ends in a message with a way on, never in a blank window. The one settings store lives here,
// above every document, and with it the UI language (I18nProvider) and the look
// (AppearanceProvider): a change applies to every screen and every document at once.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentSummary, OpenedDocument, ReadingPosition } from '../../common/bridge/contract';
import { useBackend } from '../bridge/backend-context';
import { I18nProvider, useT, useUiLanguage } from '../i18n';
import type { LibraryEntryPoint } from '../library/LibraryButton';
import { LibraryView, type LibraryChoice } from '../library/LibraryView';
import { SettingsProvider, useSettings } from '../settings/settings-context';
import { SettingsStore } from '../settings/settings-store';
import { AppFrame } from '../shell/AppFrame';
import { installShortcuts } from '../shell/shortcuts';
import { AppearanceProvider } from '../theme/appearance';
import type { Layout } from '../transcript/layout-model';
import { Notice } from '../ui/Notice';
import { onPageLeave } from '../ui/page-leave';
import { DocumentScreen } from './DocumentScreen';
import { startDocument } from './start-document';
import '../shell/app.css';

type Phase =
  | { status: 'loading' }
  | { status: 'failed'; message: string; documentId: string | null }
  | { status: 'empty' }
  /** `savedPosition`: the place the user left it, asked for together with the document. */
  | { status: 'open'; documentId: string; bundle: OpenedDocument; savedPosition: ReadingPosition | null }
  /** The library, shown instead of a document; `from` is the document that was open. */
  | { status: 'library'; from: string | null };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App() {
  const { api } = useBackend();
  const settings = useMemo(() => new SettingsStore(api), [api]);
  const [phase, setPhase] = useState<Phase>({ status: 'loading' });
  const [documents, setDocuments] = useState<readonly DocumentSummary[]>([]);
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const attempt = useRef(0);

  useEffect(() => installShortcuts(), []);
  // A change made a moment before the window closes is still saved, whatever screen is shown.
  useEffect(() => onPageLeave(() => void settings.flush()), [settings]);

  // A newer request (another document, Try again) wins over one still under way.
  const open = useCallback(
    async (documentId: string) => {
      const mine = ++attempt.current;
      setPhase({ status: 'loading' });
      try {
        // Asked for at once, so the narration can start loading as soon as the document opens. No
        // saved place is no reason not to open the document.
        const [bundle, savedPosition] = await Promise.all([api.loadDocument({ documentId }), api.getPosition({ documentId }).catch(() => null)]);
        if (mine === attempt.current) setPhase({ status: 'open', documentId, bundle, savedPosition });
      } catch (error) {
        if (mine === attempt.current) setPhase({ status: 'failed', message: messageOf(error), documentId });
      }
    },
    [api],
  );

  // The start-up requests, shared by a remount that happens while they are under way (React's
  // StrictMode mounts twice in development), so the back end is asked once per start or retry.
  const starting = useRef<Promise<{ documents: DocumentSummary[]; problem: string | null } | { error: string }> | null>(null);
  const start = useCallback(
    (retry: boolean) => {
      const mine = ++attempt.current;
      setPhase({ status: 'loading' });
      if (retry || !starting.current) {
        starting.current = Promise.all([api.listDocuments(), api.getSettings()]).then(
          ([list, state]) => {
            settings.load(state.settings);
            return { documents: list, problem: state.problem };
          },
          (error: unknown) => ({ error: messageOf(error) }),
        );
      }
      void starting.current.then((result) => {
        if (mine !== attempt.current) return;
        if ('error' in result) return setPhase({ status: 'failed', message: result.error, documentId: null });
        setDocuments(result.documents);
        setSettingsProblem(result.problem);
        const first = startDocument(result.documents);
        if (!first) return setPhase({ status: 'empty' });
        void open(first);
      });
    },
    [api, open, settings],
  );
  useEffect(() => start(false), [start]);

  const retry = useCallback(() => {
    if (phase.status === 'failed' && phase.documentId) void open(phase.documentId);
    else start(true);
  }, [phase, open, start]);

  const refreshDocuments = useCallback(async () => {
    try {
      setDocuments(await api.listDocuments());
    } catch {
      // The list shown stays; opening a document says what is wrong if something is.
    }
  }, [api]);

  const currentId = phase.status === 'open' ? phase.documentId : phase.status === 'library' ? phase.from : null;
  const library = useMemo<LibraryChoice & LibraryEntryPoint>(
    () => ({
      documents,
      currentId,
      open: (id: string) => void open(id),
      // Leaving the document destroys its session (its place is saved); the library is a screen.
      show: () => setPhase({ status: 'library', from: currentId }),
      refresh: refreshDocuments,
      rename: async (documentId, title) => {
        await api.renameDocument({ documentId, title: { de: title } });
      },
      remove: (documentId) => api.removeDocument({ documentId }),
      restore: (undoToken) => api.restoreDocument({ undoToken }),
    }),
    [documents, currentId, open, refreshDocuments, api],
  );

  return (
    <SettingsProvider value={settings}>
      <Localised>
        <Screen phase={phase} retry={retry} library={library} settingsProblem={settingsProblem} onSettingsProblemSeen={() => setSettingsProblem(null)} />
      </Localised>
    </SettingsProvider>
  );
}

function Localised({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  return (
    <I18nProvider language={settings.uiLanguage}>
      <AppearanceProvider settings={settings}>{children}</AppearanceProvider>
    </I18nProvider>
  );
}

function Screen({ phase, retry, library, settingsProblem, onSettingsProblemSeen }: { phase: Phase; retry(): void; library: LibraryChoice & LibraryEntryPoint; settingsProblem: string | null; onSettingsProblemSeen(): void }) {
  const t = useT();
  const uiLang = useUiLanguage();
  const { settings, update, saveError } = useSettings();
  const [saveErrorSeen, setSaveErrorSeen] = useState<string | null>(null);

  const appNotices = (
    <>
      {settingsProblem && (
        <Notice tone="warning" title={t('app.settingsReset.title')} actions={[{ label: t('app.ok'), onClick: onSettingsProblemSeen }]}>
          <p>{t('app.settingsReset.body', { problem: settingsProblem })}</p>
        </Notice>
      )}
      {saveError && saveError !== saveErrorSeen && (
        <Notice tone="warning" title={t('player.settingsNotSaved', { message: saveError })} actions={[{ label: t('app.dismiss'), onClick: () => setSaveErrorSeen(saveError) }]} />
      )}
    </>
  );

  if (phase.status === 'open') {
    return (
      // A new key for a new document: every view below starts afresh with the new session.
      <DocumentScreen
        key={phase.documentId}
        documentId={phase.documentId}
        bundle={phase.bundle}
        savedPosition={phase.savedPosition}
        layout={settings.layout}
        onLayoutChange={(layout: Layout) => update({ layout })}
        onReload={retry}
        appNotices={appNotices}
        library={library}
      />
    );
  }

  if (phase.status === 'library') {
    return <AppFrame title={t('library.title')} titleLang={uiLang} notices={appNotices} main={<LibraryView library={library} />} />;
  }

  return (
    <AppFrame
      title=""
      notices={appNotices}
      main={
        <div className="app-message">
          {phase.status === 'loading' && <p aria-busy="true">{t('app.opening')}</p>}
          {phase.status === 'empty' && (
            <Notice tone="error" title={t('app.noDocument.title')} actions={[{ label: t('app.noDocument.action'), onClick: retry }]}>
              <p>{t('app.noDocument.body')}</p>
            </Notice>
          )}
          {phase.status === 'failed' && (
            <Notice tone="error" title={t('app.openFailed.title')} actions={[{ label: t('app.tryAgain'), onClick: retry }]}>
              <p className="preformatted">{phase.message}</p>
            </Notice>
          )}
        </div>
      }
    />
  );
}

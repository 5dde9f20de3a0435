// The app: finds the document, the user's settings and the saved place, then opens the player.
// Every way this can fail ends in a message with a way on, never in a blank window. The settings
// live here (SettingsProvider), and with them the UI language (I18nProvider) and the look
// (AppearanceProvider): a change in the settings view applies to every screen at once.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { DocumentBundle, Settings, SettingsState } from '../../common/bridge/contract';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { I18nProvider, useT } from '../i18n';
import { SettingsProvider, useSettings } from '../settings/settings-context';
import { AppearanceProvider } from '../theme/appearance';
import type { Layout } from '../transcript/layout-model';
import { Notice } from '../ui/Notice';
import { AppFrame } from './AppFrame';
import { useBackend } from './backend-context';
import { DocumentScreen } from './DocumentScreen';
import { installShortcuts } from './shortcuts';
import './app.css';

type Phase =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'empty' }
  | { status: 'open'; documentId: string; bundle: DocumentBundle; settings: SettingsState };

export function App() {
  const { api } = useBackend();
  const [phase, setPhase] = useState<Phase>({ status: 'loading' });
  const [initialSettings, setInitialSettings] = useState<Settings>(DEFAULT_SETTINGS);
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
          setInitialSettings(next.settings.settings);
          setSettingsProblem(next.settings.problem);
        }
        setPhase(next);
      });
    },
    [api],
  );
  const retry = useCallback(() => load(true), [load]);

  useEffect(() => load(false), [load]);

  return (
    <SettingsProvider api={api} initial={initialSettings}>
      <Localised>
        <Screen phase={phase} retry={retry} settingsProblem={settingsProblem} onSettingsProblemSeen={() => setSettingsProblem(null)} />
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

function Screen({ phase, retry, settingsProblem, onSettingsProblemSeen }: { phase: Phase; retry(): void; settingsProblem: string | null; onSettingsProblemSeen(): void }) {
  const t = useT();
  const { settings, update } = useSettings();

  if (phase.status === 'open') {
    const appNotices = settingsProblem ? (
      <Notice tone="warning" title={t('app.settingsReset.title')} actions={[{ label: t('app.ok'), onClick: onSettingsProblemSeen }]}>
        <p>{t('app.settingsReset.body', { problem: settingsProblem })}</p>
      </Notice>
    ) : null;
    return (
      <DocumentScreen
        documentId={phase.documentId}
        bundle={phase.bundle}
        settings={phase.settings.settings}
        layout={settings.layout}
        onLayoutChange={(layout: Layout) => update({ layout })}
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

// The shell's landmarks: banner (title, toolbar, keys, settings), navigation (chapters), main
// (transcript), an optional complementary panel (notes), and the player region. Every screen uses
// this frame, so the app always shows a title and a way on, never a blank window. On a small window
// or at a large text size the side panels fold away behind buttons in the header (see panels.tsx),
// so the transcript keeps its room and nothing scrolls sideways.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { SettingsDialog } from '../settings/SettingsDialog';
import { HelpDialog } from '../ui/HelpDialog';
import { PanelProvider, useFrameSize, type PanelId } from './panels';
import { useCommand } from './shortcuts';
import './frame.css';

export interface AppFrameProps {
  title: string;
  /** The language the title is written in (screen readers pronounce it by this). */
  titleLang?: string;
  status?: string;
  toolbar?: ReactNode;
  notices?: ReactNode;
  navigation?: ReactNode;
  main: ReactNode;
  sidebar?: { label: string; content: ReactNode } | undefined;
  player?: ReactNode;
  /** More sections for the settings view (a feature's own settings), shown before the reset. */
  settingsExtra?: ReactNode;
}

/** The player's own first stop (Play), else the player region (`id="player"`). */
function skipToPlayer(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.querySelector<HTMLElement>('#player [data-skip-target]') ?? document.getElementById('player');
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export function AppFrame({ title, titleLang = 'de', status, toolbar, notices, navigation, main, sidebar, player, settingsExtra }: AppFrameProps) {
  const t = useT();
  const [helpOpen, setHelpOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  useCommand('help', () => setHelpOpen((open) => !open));
  useCommand('settings', () => setSettingsOpen(true));

  const appRef = useRef<HTMLDivElement>(null);
  const size = useFrameSize(appRef);
  const navFolds = size.width === 'narrow';
  const sideFolds = size.width !== 'wide';
  const [open, setOpen] = useState<Record<PanelId, boolean>>({ navigation: false, sidebar: false });
  const panelRefs = { navigation: useRef<HTMLDivElement>(null), sidebar: useRef<HTMLElement>(null) };
  const toggleRefs = { navigation: useRef<HTMLButtonElement>(null), sidebar: useRef<HTMLButtonElement>(null) };

  const reveal = useCallback((panel: PanelId) => {
    // At once in the DOM, so a focus() right after finds the panel shown; React's state follows.
    panelRefs[panel].current?.setAttribute('data-open', 'true');
    setOpen((current) => (current[panel] ? current : { ...current, [panel]: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const panels = useMemo(() => ({ reveal }), [reveal]);

  // A panel that folds away while the focus is in it (the window shrank, the text grew) stays open:
  // hiding it would drop the focus on the page. Before paint, so the focused element is never hidden.
  useLayoutEffect(() => {
    for (const [panel, folds] of [['navigation', navFolds], ['sidebar', sideFolds]] as const) {
      if (folds && panelRefs[panel].current?.contains(document.activeElement)) reveal(panel);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navFolds, sideFolds, reveal]);

  const toggle = (panel: PanelId) => setOpen((current) => ({ ...current, [panel]: !current[panel] }));
  const closeOnEscape = (panel: PanelId, folds: boolean) => (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !folds || !open[panel] || event.defaultPrevented) return;
    event.preventDefault();
    setOpen((current) => ({ ...current, [panel]: false }));
    toggleRefs[panel].current?.focus();
  };

  return (
    <PanelProvider value={panels}>
      <div
        ref={appRef}
        className={`app ${sidebar ? 'with-sidebar' : ''} ${navigation ? 'with-navigation' : ''}`}
        data-player-status={status}
        data-width={size.width}
        data-short={size.short ? 'true' : undefined}
      >
        <a className="skip-link" href="#main">
          {t('app.skipToTranscript')}
        </a>
        {player && (
          // Past the header, 17 chapters, the transcript and the notes, Play was the 38th Tab stop.
          <a className="skip-link" href="#player" onClick={skipToPlayer}>
            {t('app.skipToPlayer')}
          </a>
        )}
        <header className="app-header">
          <h1 className="app-title">
            <span className="app-name">{t('app.name')}</span>
            <span className="document-title" lang={titleLang}>
              {title}
            </span>
          </h1>
          <div className="toolbar">
            {toolbar}
            {navigation && navFolds && (
              <button ref={toggleRefs.navigation} type="button" className="panel-toggle" aria-expanded={open.navigation} aria-controls="chapters-panel" onClick={() => toggle('navigation')}>
                {t('app.chaptersButton')}
              </button>
            )}
            {sidebar && sideFolds && (
              <button ref={toggleRefs.sidebar} type="button" className="panel-toggle" aria-expanded={open.sidebar} aria-controls="sidebar-panel" onClick={() => toggle('sidebar')}>
                {sidebar.label}
              </button>
            )}
            <button type="button" className="help-button" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
              <span className="help-word">{t('app.keysButton')}</span> <kbd aria-hidden="true">?</kbd>
            </button>
            <button type="button" className="settings-button" aria-keyshortcuts="Control+," onClick={() => setSettingsOpen(true)}>
              {t('app.settingsButton')}
            </button>
          </div>
        </header>
        {notices && <div className="notices">{notices}</div>}
        <div className="app-body">
          {navigation && (
            <div
              ref={panelRefs.navigation}
              id="chapters-panel"
              className="panel panel-navigation"
              data-folds={navFolds ? 'true' : undefined}
              data-open={open.navigation ? 'true' : undefined}
              onKeyDown={closeOnEscape('navigation', navFolds)}
            >
              {navigation}
            </div>
          )}
          <main id="main" className="app-main" tabIndex={-1}>
            {main}
          </main>
          {sidebar && (
            <aside
              ref={panelRefs.sidebar}
              id="sidebar-panel"
              className="sidebar panel"
              aria-label={sidebar.label}
              data-folds={sideFolds ? 'true' : undefined}
              data-open={open.sidebar ? 'true' : undefined}
              onKeyDown={closeOnEscape('sidebar', sideFolds)}
            >
              {sidebar.content}
            </aside>
          )}
        </div>
        {player}
        <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} extra={settingsExtra} />
      </div>
    </PanelProvider>
  );
}

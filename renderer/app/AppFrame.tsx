// The shell's landmarks: banner (title, toolbar, keys), navigation (chapters), main (transcript),
// an optional complementary panel (notes), and the player region. Every screen uses this frame, so
// the app always shows a title and a way on, never a blank window.
import { useState, type ReactNode } from 'react';
import { HelpDialog } from '../ui/HelpDialog';
import { useCommand } from './shortcuts';

export interface AppFrameProps {
  title: string;
  status?: string;
  toolbar?: ReactNode;
  notices?: ReactNode;
  navigation?: ReactNode;
  main: ReactNode;
  sidebar?: { label: string; content: ReactNode } | undefined;
  player?: ReactNode;
}

export function AppFrame({ title, status, toolbar, notices, navigation, main, sidebar, player }: AppFrameProps) {
  const [helpOpen, setHelpOpen] = useState(false);
  useCommand('help', () => setHelpOpen((open) => !open));
  return (
    <div className={`app ${sidebar ? 'with-sidebar' : ''} ${navigation ? 'with-navigation' : ''}`} data-player-status={status}>
      <a className="skip-link" href="#main">
        Skip to the transcript
      </a>
      <header className="app-header">
        <h1 className="app-title">
          <span className="app-name">Mitlesen</span>
          <span className="document-title" lang="de">
            {title}
          </span>
        </h1>
        <div className="toolbar">
          {toolbar}
          <button type="button" className="help-button" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
            Keys <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
      </header>
      {notices && <div className="notices">{notices}</div>}
      <div className="app-body">
        {navigation}
        <main id="main" className="app-main" tabIndex={-1}>
          {main}
        </main>
        {sidebar && (
          <aside className="sidebar" aria-label={sidebar.label}>
            {sidebar.content}
          </aside>
        )}
      </div>
      {player}
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

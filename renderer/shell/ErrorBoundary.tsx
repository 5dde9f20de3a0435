// The last line of defence against a blank window: whatever throws while rendering, the user sees
// what happened and a way on (in the UI language last in use).
import { Component, type ReactNode } from 'react';
import { getUiLanguage, translate } from '../i18n';
import './app.css';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const lang = getUiLanguage();
    return (
      <main className="fatal" role="alert">
        <h1>{translate(lang, 'app.fatal.title')}</h1>
        <p>{this.state.error.message}</p>
        <p>{translate(lang, 'app.fatal.safe')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {translate(lang, 'app.reload')}
        </button>
      </main>
    );
  }
}

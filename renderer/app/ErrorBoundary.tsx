// The last line of defence against a blank window: whatever throws while rendering, the user sees
// what happened and a way on.
import { Component, type ReactNode } from 'react';

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
    return (
      <main className="fatal" role="alert">
        <h1>Mitlesen ran into a problem</h1>
        <p>{this.state.error.message}</p>
        <p>Your notes are stored safely. Reloading usually helps.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}

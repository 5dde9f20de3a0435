import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/base.css';
import { App } from './app/App';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { BackendProvider } from './bridge/backend-context';
import { createBackend } from './bridge/backend';

const backend = createBackend();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <BackendProvider value={backend}>
        <App />
      </BackendProvider>
    </ErrorBoundary>
  </StrictMode>,
);

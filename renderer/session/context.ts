// How views reach the open document's session. A view below the provider gets this document's
// controllers; when another document opens, the provider gets a new session and every view with it.
import { createContext, useContext } from 'react';
import type { DocumentSession } from './document-session';

const SessionContext = createContext<DocumentSession | null>(null);

export const SessionProvider = SessionContext.Provider;

export function useSession(): DocumentSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it (an open document)');
  return session;
}

/** The session, or null where a view is also shown without one (the text without its narration). */
export function useOptionalSession(): DocumentSession | null {
  return useContext(SessionContext);
}

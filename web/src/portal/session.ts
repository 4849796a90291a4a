import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { ReactElement, ReactNode } from 'react';
import {
  fetchMe,
  getNotifications,
  isAbortError,
  logout as apiLogout,
  setUnauthenticatedHandler,
  type Citizen,
} from './api';

export interface Session {
  /** undefined while asking the server; null when not signed in (or the server was unreachable). */
  citizen: Citizen | null | undefined;
  /** Why the session could not be checked (e.g. offline); null when it was. */
  checkError: unknown;
  /** Asks the server again whether a session exists. */
  recheck: () => void;
  signedIn: (citizen: Citizen) => void;
  logout: () => Promise<void>;
  /** Unread notifications (0 when signed out). */
  unread: number;
  refreshUnread: () => void;
  setUnread: (n: number) => void;
}

const SessionContext = createContext<Session | null>(null);

/** How often the header's unread count is refreshed while the page is visible. */
const UNREAD_POLL_MS = 120_000;

export function SessionProvider({ children }: { children: ReactNode }): ReactElement {
  const [citizen, setCitizen] = useState<Citizen | null | undefined>(undefined);
  const [unread, setUnread] = useState(0);
  const [unreadVersion, setUnreadVersion] = useState(0);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [check, setCheck] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => {
        setCheckError(null);
        setCitizen((current) => (current === undefined || current === null ? me : current));
      },
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setCheckError(error);
        setCitizen((current) => (current === undefined ? null : current));
      },
    );
    return () => controller.abort();
  }, [check]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setCitizen(null));
    return () => setUnauthenticatedHandler(null);
  }, []);

  const active = Boolean(citizen);

  useEffect(() => {
    if (!active) {
      setUnread(0);
      return;
    }
    const controller = new AbortController();
    getNotifications(controller.signal).then(
      (body) => setUnread(body.unread),
      () => {
        // The badge is a hint; a failed refresh keeps the last count.
      },
    );
    return () => controller.abort();
  }, [active, unreadVersion]);

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') setUnreadVersion((v) => v + 1);
    }, UNREAD_POLL_MS);
    return () => window.clearInterval(timer);
  }, [active]);

  const signedIn = useCallback((next: Citizen) => {
    setCheckError(null);
    setCitizen(next);
  }, []);
  const recheck = useCallback(() => setCheck((n) => n + 1), []);
  const logout = useCallback(async () => {
    await apiLogout();
    setCitizen(null);
  }, []);
  const refreshUnread = useCallback(() => setUnreadVersion((v) => v + 1), []);

  const value = useMemo<Session>(
    () => ({ citizen, checkError, recheck, signedIn, logout, unread, refreshUnread, setUnread }),
    [citizen, checkError, recheck, signedIn, logout, unread, refreshUnread],
  );
  return createElement(SessionContext.Provider, { value }, children);
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

import { useCallback, useEffect, useState } from 'react';
import { fetchMe, isAbortError, logout, type User } from '../api';
import { useI18n } from '../i18n';
import { navigate, regionHash, useHashRoute } from '../router';
import { Footer } from './Footer';
import { Header } from './Header';
import { LoginPage } from './LoginPage';
import { NotFound } from './NotFound';
import { RegionExplorer } from './RegionExplorer';
import { VaccinationDashboard } from './VaccinationDashboard';

export function App() {
  const route = useHashRoute();
  const { t } = useI18n();
  // undefined: still asking the server whether a session exists.
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => setUser((current) => (current === undefined ? me : current)),
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setUser((current) => (current === undefined ? null : current));
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    // The explorer and the dashboard title the page after their region.
    if (route.page === 'regions' || route.page === 'vaccination') return;
    const page = route.page === 'login' ? t('login.title') : t('notFound.title');
    document.title = `${page} — Padu`;
  }, [route.page, t]);

  const onLogin = useCallback((signedIn: User) => {
    setUser(signedIn);
    navigate(regionHash(null));
  }, []);

  const onLogout = useCallback(async () => {
    await logout();
    setUser(null);
  }, []);

  return (
    <div className="app">
      <Header route={route} user={user} onLogout={onLogout} />
      <main id="main" tabIndex={-1}>
        {route.page === 'regions' && <RegionExplorer code={route.code} />}
        {route.page === 'vaccination' && (
          <VaccinationDashboard code={route.code} filters={route.filters} />
        )}
        {route.page === 'login' && <LoginPage user={user} onLogin={onLogin} />}
        {route.page === 'notFound' && <NotFound />}
      </main>
      <Footer />
    </div>
  );
}

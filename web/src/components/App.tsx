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
import { ApplicationPage } from './catalog/ApplicationPage';
import { CatalogNav, RequireLogin } from './catalog/CatalogNav';
import { CatalogPage } from './catalog/CatalogPage';
import { ClusterReview } from './catalog/ClusterReview';
import { PlanDashboard } from './catalog/PlanDashboard';
import { ExchangeConsole } from './exchange/ExchangeConsole';
import { QueuePage } from './portal/QueuePage';

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
    // The explorer, the dashboard and the catalog pages title themselves.
    if (route.page !== 'login' && route.page !== 'notFound') return;
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

  const isCatalog =
    route.page === 'catalog' ||
    route.page === 'application' ||
    route.page === 'clusters' ||
    route.page === 'plan';

  return (
    <div className="app">
      <Header route={route} user={user} onLogout={onLogout} />
      <main id="main" tabIndex={-1}>
        {route.page === 'regions' && <RegionExplorer code={route.code} />}
        {route.page === 'vaccination' && (
          <VaccinationDashboard code={route.code} filters={route.filters} />
        )}
        {route.page === 'login' && <LoginPage user={user} onLogin={onLogin} />}
        {isCatalog && <CatalogNav route={route} />}
        {isCatalog && <RequireLogin user={user} />}
        {isCatalog && user && route.page === 'catalog' && <CatalogPage />}
        {isCatalog && user && route.page === 'application' && (
          <ApplicationPage id={route.id} user={user} />
        )}
        {isCatalog && user && route.page === 'clusters' && (
          <ClusterReview clusterId={route.clusterId} user={user} />
        )}
        {isCatalog && user && route.page === 'plan' && <PlanDashboard user={user} />}
        {route.page === 'exchange' && <ExchangeConsole route={route} user={user} />}
        {(route.page === 'queue' || route.page === 'queueItem') && (
          <QueuePage route={route} user={user} />
        )}
        {route.page === 'notFound' && <NotFound />}
      </main>
      <Footer />
    </div>
  );
}

import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { parseRoute, useHash } from '../router';
import { AccountPage } from './AccountPage';
import { ApplicationPage } from './ApplicationPage';
import { ApplicationsPage } from './ApplicationsPage';
import { ApplyPage } from './ApplyPage';
import { DataAccessPage } from './DataAccessPage';
import { Footer } from './Footer';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { ForgotPasswordPage, ResetPasswordPage } from './PasswordPages';
import { LoginPage } from './LoginPage';
import { NotFound } from './NotFound';
import { NotificationsPage } from './NotificationsPage';
import { RegisterPage } from './RegisterPage';
import { RequireLogin } from './RequireLogin';
import { ServicePage } from './ServicePage';

/** The path part of a hash: filters in its query string are not a new page. */
function pathOf(hash: string): string {
  const at = hash.indexOf('?');
  return at === -1 ? hash : hash.slice(0, at);
}

export function App() {
  const hash = useHash();
  const route = useMemo(() => parseRoute(hash), [hash]);
  const path = pathOf(hash);
  const first = useRef(true);

  useEffect(() => {
    // On a new page (not the first), start at the top and put focus at the start of the content.
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);

  let content: ReactNode;
  switch (route.page) {
    case 'home':
      content = <HomePage route={route} />;
      break;
    case 'service':
      content = <ServicePage slug={route.slug} />;
      break;
    case 'apply':
      content = (
        <RequireLogin hash={hash}>
          <ApplyPage slug={route.slug} />
        </RequireLogin>
      );
      break;
    case 'register':
      content = <RegisterPage back={route.back} />;
      break;
    case 'login':
      content = <LoginPage back={route.back} />;
      break;
    case 'forgotPassword':
      content = <ForgotPasswordPage />;
      break;
    case 'resetPassword':
      content = <ResetPasswordPage token={route.token} />;
      break;
    case 'applications':
      content = (
        <RequireLogin hash={hash}>
          <ApplicationsPage />
        </RequireLogin>
      );
      break;
    case 'application':
      content = (
        <RequireLogin hash={hash}>
          <ApplicationPage reference={route.reference} />
        </RequireLogin>
      );
      break;
    case 'notifications':
      content = (
        <RequireLogin hash={hash}>
          <NotificationsPage />
        </RequireLogin>
      );
      break;
    case 'dataAccess':
      content = (
        <RequireLogin hash={hash}>
          <DataAccessPage />
        </RequireLogin>
      );
      break;
    case 'account':
      content = (
        <RequireLogin hash={hash}>
          <AccountPage />
        </RequireLogin>
      );
      break;
    case 'notFound':
      content = <NotFound />;
      break;
  }

  return (
    <div className="app">
      <Header page={route.page} hash={hash} />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <Footer />
    </div>
  );
}

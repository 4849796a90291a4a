import { useState, type MouseEvent } from 'react';
import { errorMessage } from '../errors';
import { useI18n, type MessageKey } from '../i18n';
import {
  APPLICATIONS_HASH,
  DATA_ACCESS_HASH,
  HOME_HASH,
  NOTIFICATIONS_HASH,
  loginHash,
  navigate,
  registerHash,
  type Page,
  ACCOUNT_HASH,
} from '../router';
import { useSession } from '../session';

const PAGES: { pages: Page[]; href: string; label: MessageKey }[] = [
  { pages: ['home', 'service', 'apply'], href: HOME_HASH, label: 'nav.services' },
  { pages: ['applications', 'application'], href: APPLICATIONS_HASH, label: 'nav.applications' },
  { pages: ['dataAccess'], href: DATA_ACCESS_HASH, label: 'nav.dataAccess' },
  { pages: ['notifications'], href: NOTIFICATIONS_HASH, label: 'nav.notifications' },
];

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  // A plain '#main' link would replace the route in the hash; move focus instead.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Header({ page, hash }: { page: Page; hash: string }) {
  const { t, lang, setLang } = useI18n();
  const { citizen, logout, unread } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onLogout = async () => {
    setBusy(true);
    setFailure(null);
    const from = window.location.hash;
    try {
      await logout();
      // To the home page, unless the citizen went elsewhere while signing out.
      if (window.location.hash === from) navigate(HOME_HASH);
    } catch (error) {
      setFailure(t('nav.logoutFailed', { message: errorMessage(t, error) }));
    } finally {
      setBusy(false);
    }
  };

  // After signing in, come back here (but not to the sign-in pages themselves).
  const back = page === 'login' || page === 'register' ? null : hash || null;

  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <div className="header-inner">
        <a className="brand" href={HOME_HASH}>
          <img src="/portal/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul>
            {PAGES.map(({ pages, href, label }) => (
              <li key={href}>
                <a href={href} aria-current={pages.includes(page) ? 'page' : undefined}>
                  {t(label)}
                  {href === NOTIFICATIONS_HASH && unread > 0 && (
                    <span className="count-badge">
                      <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                      <span className="visually-hidden">, {t('nav.unread', { n: unread })}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account-bar" aria-label={t('nav.account')} role="group">
          {citizen === null && (
            <>
              <a
                className="account-link"
                href={loginHash(back)}
                aria-current={page === 'login' ? 'page' : undefined}
              >
                {t('nav.login')}
              </a>
              <a
                className="account-link"
                href={registerHash(back)}
                aria-current={page === 'register' ? 'page' : undefined}
              >
                {t('nav.register')}
              </a>
            </>
          )}
          {citizen && (
            <>
              <a
                className="account-name"
                href={ACCOUNT_HASH}
                aria-current={page === 'account' ? 'page' : undefined}
              >
                <span className="visually-hidden">{t('nav.signedInAs')} </span>
                {citizen.name}
              </a>
              <button
                type="button"
                className="button button-on-dark button-small"
                disabled={busy}
                onClick={() => void onLogout()}
              >
                {t('nav.logout')}
              </button>
            </>
          )}
          {failure && (
            <p className="account-error" role="alert">
              {failure}
            </p>
          )}
        </div>
        <button
          type="button"
          className="lang-toggle"
          lang={lang === 'id' ? 'en' : 'id'}
          title={t('lang.buttonTitle')}
          onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
        >
          {t('lang.button')}
        </button>
      </div>
    </header>
  );
}

import type { MouseEvent } from 'react';
import type { User } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import {
  CATALOG_HASH,
  EXCHANGE_HASH,
  LOGIN_HASH,
  QUEUE_HASH,
  regionHash,
  vaccinationHash,
  type Route,
} from '../router';
import { UserMenu } from './UserMenu';

interface HeaderProps {
  route: Route;
  /** undefined while the session is being checked. */
  user: User | null | undefined;
  onLogout: () => Promise<void>;
}

/** The pages the navigation always offers. */
const PAGES: { page: Route['page']; href: string; label: MessageKey }[] = [
  { page: 'regions', href: regionHash(null), label: 'nav.regions' },
  { page: 'vaccination', href: vaccinationHash(null), label: 'nav.vaccination' },
  { page: 'catalog', href: CATALOG_HASH, label: 'nav.catalog' },
  { page: 'exchange', href: EXCHANGE_HASH, label: 'nav.exchange' },
  { page: 'queue', href: QUEUE_HASH, label: 'nav.queue' },
];

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  // A plain '#main' link would replace the route in the hash; move focus instead.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Header({ route, user, onLogout }: HeaderProps) {
  const { t, lang, setLang } = useI18n();
  // The catalog's pages all belong to its one navigation entry.
  const currentPage =
    route.page === 'application' || route.page === 'clusters' || route.page === 'plan'
      ? 'catalog'
      : route.page === 'queueItem'
        ? 'queue'
        : route.page;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <div className="site-header-inner">
        <a className="brand" href={regionHash(null)}>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </a>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul>
            {PAGES.map(({ page, href, label }) => (
              <li key={page}>
                <a href={href} aria-current={currentPage === page ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
            {user === null && (
              <li>
                <a href={LOGIN_HASH} aria-current={route.page === 'login' ? 'page' : undefined}>
                  {t('nav.login')}
                </a>
              </li>
            )}
            {user && (
              <li>
                <UserMenu user={user} onLogout={onLogout} />
              </li>
            )}
          </ul>
        </nav>
        <button
          type="button"
          className="lang-toggle"
          data-testid="lang-toggle"
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

import type { User } from '../../api';
import type { ExchangeService } from '../../exchangeApi';
import { useI18n, type Lang } from '../../i18n';
import { exchangeHash, LOGIN_HASH, type ExchangeRoute } from '../../router';

const TABS = [
  { view: 'services', label: 'exchange.tab.services' },
  { view: 'systems', label: 'exchange.tab.systems' },
  { view: 'grants', label: 'exchange.tab.grants' },
  { view: 'log', label: 'exchange.tab.log' },
  { view: 'monitoring', label: 'exchange.tab.monitoring' },
] as const;

/** The data exchange's own tabs: catalog, systems, access, log, monitoring. */
export function ExchangeNav({ route }: { route: ExchangeRoute }) {
  const { t } = useI18n();
  const current = route.view === 'service' ? 'services' : route.view;
  return (
    <nav className="catalog-tabs" aria-label={t('exchange.tabs')}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.view}>
            <a
              href={exchangeHash(tab.view)}
              aria-current={current === tab.view ? 'page' : undefined}
            >
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The exchange's pages need a signed-in official; undefined: still checking. */
export function RequireExchangeLogin({ user }: { user: User | null | undefined }) {
  const { t } = useI18n();
  if (user !== null) return null;
  return (
    <p className="notice" data-testid="login-required">
      {t('exchange.loginRequired')} <a href={LOGIN_HASH}>{t('nav.login')}</a>
    </p>
  );
}

function locale(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/** An instant in the reader's time zone, to the second: "5 Jul 2025 14.03.12". */
export function formatDateTime(iso: string, lang: Lang): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(time);
}

/** The time of day of an instant, to the second. */
export function formatClock(iso: string, lang: Lang): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'medium' }).format(time);
}

/** Milliseconds with at most one decimal, or a dash. */
export function formatMs(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(value)} ms`;
}

/** Downloads text as a file, made in the browser (no second request to the server). */
export function saveFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** How a service is named in choosers: "Data Penduduk (34.04 · SIAK Sleman)". */
export function serviceLabel(s: Pick<ExchangeService, 'name' | 'agencyCode' | 'system'>): string {
  return `${s.name} (${s.agencyCode} · ${s.system.name})`;
}

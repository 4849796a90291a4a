import type { User } from '../../api';
import type { GovernmentFunction } from '../../catalogApi';
import { useI18n, type Lang } from '../../i18n';
import { CATALOG_HASH, LOGIN_HASH, PLAN_HASH, clusterHash, type Route } from '../../router';

const TABS = [
  { page: 'catalog', href: CATALOG_HASH, label: 'catalog.tab.inventory' },
  { page: 'clusters', href: clusterHash(null), label: 'catalog.tab.clusters' },
  { page: 'plan', href: PLAN_HASH, label: 'catalog.tab.plan' },
] as const;

/** The catalog's own tabs: inventory, cluster review, rationalisation plan. */
export function CatalogNav({ route }: { route: Route }) {
  const { t } = useI18n();
  const current = route.page === 'application' ? 'catalog' : route.page;
  return (
    <nav className="catalog-tabs" aria-label={t('catalog.tabs')}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.page}>
            <a href={tab.href} aria-current={current === tab.page ? 'page' : undefined}>
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Catalog pages need a signed-in official; undefined: still checking. */
export function RequireLogin({ user }: { user: User | null | undefined }) {
  const { t } = useI18n();
  if (user !== null) return null;
  return (
    <p className="notice" data-testid="login-required">
      {t('catalog.loginRequired')} <a href={LOGIN_HASH}>{t('nav.login')}</a>
    </p>
  );
}

export function functionName(
  functions: readonly GovernmentFunction[],
  code: string | null,
  lang: Lang,
): string {
  if (code === null) return '—';
  const found = functions.find((f) => f.code === code);
  if (found === undefined) return code;
  return lang === 'id' ? found.name : found.nameEn;
}

export function formatRupiah(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(value);
}

export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value);
}

/** The name of the shared application a function consolidates onto ("SIASN"), or its code. */
export function sharedApplicationName(
  functions: readonly GovernmentFunction[],
  functionCode: string | null,
  code: string | null,
): string | null {
  if (code === null) return null;
  const found = functions.find((f) => f.code === functionCode)?.sharedApplication;
  return found?.code === code ? found.name : code;
}

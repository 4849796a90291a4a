import { useEffect, useRef, useState } from 'react';
import { getCategories, listServices, type Category, type ServiceSummary } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { homeHash, navigate, type Route } from '../router';
import { useLoad } from '../../shared/useLoad';
import { ServiceCard } from './ServiceCard';
import { ErrorAlert, Loading } from './Status';

type HomeRoute = Extract<Route, { page: 'home' }>;

const DEBOUNCE_MS = 300;

export function HomePage({ route }: { route: HomeRoute }) {
  const { t, lang, formatNumber } = useI18n();
  usePageTitle(null);
  const [text, setText] = useState(route.search);
  const [synced, setSynced] = useState(route.search);
  // The hash changed from outside (back button, a link): show its search text.
  if (route.search !== synced) {
    setSynced(route.search);
    if (route.search !== text.trim()) setText(route.search);
  }

  useEffect(() => {
    const search = text.trim();
    if (search === route.search) return;
    const timer = window.setTimeout(() => {
      navigate(homeHash({ ...route, search }), { replace: true });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, route]);

  const categories = useLoad('categories', (signal) => getCategories(signal));
  const key = JSON.stringify([route.search, route.category, route.lifeEvent]);
  const services = useLoad(key, (signal) =>
    listServices(
      { search: route.search, category: route.category, lifeEvent: route.lifeEvent },
      signal,
    ),
  );
  // While a new search loads, keep the last results on screen (marked busy) rather than blank.
  const last = useRef<{ items: ServiceSummary[]; total: number } | null>(null);
  if (services.state.status === 'ready') last.current = services.state.data;
  const shown = services.state.status === 'ready' ? services.state.data : last.current;

  const nameOf = (c: Category) => (lang === 'en' && c.nameEn ? c.nameEn : c.name);
  const filter = (next: Partial<HomeRoute>) =>
    navigate(homeHash({ ...route, search: text.trim(), ...next }));
  const filtered = route.search !== '' || route.category !== '' || route.lifeEvent !== '';

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="service-search">{t('home.search')}</label>
          <input
            id="service-search"
            type="search"
            value={text}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby="service-search-hint"
            onChange={(e) => setText(e.target.value)}
          />
          <p className="hint" id="service-search-hint">
            {t('home.searchHint')}
          </p>
        </form>
      </section>

      {categories.state.status === 'error' && (
        <ErrorAlert error={categories.state.error} onRetry={categories.reload} />
      )}
      {categories.state.status === 'ready' && categories.state.data.lifeEvents.length > 0 && (
        <section aria-labelledby="life-events-title">
          <h2 id="life-events-title">{t('home.lifeEvents')}</h2>
          <ul className="life-events">
            {categories.state.data.lifeEvents.map((event) => (
              <li key={event.code}>
                <button
                  type="button"
                  className="life-event"
                  aria-pressed={route.lifeEvent === event.code}
                  onClick={() =>
                    filter({ lifeEvent: route.lifeEvent === event.code ? '' : event.code })
                  }
                >
                  <span className="life-event-name">{nameOf(event)}</span>
                  <span className="life-event-count">
                    {t('home.count', { n: formatNumber(event.count) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {categories.state.status === 'ready' && categories.state.data.categories.length > 0 && (
        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t('home.categories')}</h2>
          <ul className="chips">
            <li>
              <button
                type="button"
                className="chip"
                aria-pressed={route.category === ''}
                onClick={() => filter({ category: '' })}
              >
                {t('home.all')}
              </button>
            </li>
            {categories.state.data.categories.map((category) => (
              <li key={category.code}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={route.category === category.code}
                  onClick={() =>
                    filter({ category: route.category === category.code ? '' : category.code })
                  }
                >
                  {nameOf(category)}{' '}
                  <span className="chip-count">{formatNumber(category.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="results-title" aria-busy={services.state.status === 'loading'}>
        <h2 id="results-title">{t('home.results')}</h2>
        <div className="results-status">
          <p role="status">
            {shown && services.state.status !== 'error'
              ? t('home.count', { n: formatNumber(shown.total) })
              : ''}
          </p>
          {filtered && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setText('');
                navigate(homeHash({}));
              }}
            >
              {t('home.clear')}
            </button>
          )}
        </div>
        {services.state.status === 'error' && (
          <ErrorAlert error={services.state.error} onRetry={services.reload} />
        )}
        {services.state.status === 'loading' && shown === null && <Loading />}
        {shown && services.state.status !== 'error' && shown.items.length === 0 && (
          <p className="empty">{t('home.none')}</p>
        )}
        {shown && services.state.status !== 'error' && shown.items.length > 0 && (
          <ul className="service-list">
            {shown.items.map((service) => (
              <li key={service.slug}>
                <ServiceCard service={service} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

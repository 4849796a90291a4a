import { listApplications, type ApplicationStatus } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { HOME_HASH, applicationHash } from '../router';
import { useLoad } from '../../shared/useLoad';
import { serviceName } from './ServicePage';
import { ErrorAlert, Loading } from './Status';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function ApplicationsPage() {
  const { t, lang, formatDateTime } = useI18n();
  usePageTitle(t('apps.title'));
  const { state, reload } = useLoad('applications', (signal) => listApplications(signal));
  return (
    <section aria-labelledby="apps-title">
      <h1 id="apps-title">{t('apps.title')}</h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <div className="empty">
          <p>{t('apps.none')}</p>
          <p>
            <a className="button" href={HOME_HASH}>
              {t('apps.find')}
            </a>
          </p>
        </div>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <ul className="card-list">
          {state.data.map((app) => (
            <li key={app.reference}>
              <article className="app-card" aria-labelledby={`app-${app.reference}`}>
                <h2 id={`app-${app.reference}`}>
                  <a href={applicationHash(app.reference)}>{serviceName(app.service, lang)}</a>
                </h2>
                <p className="app-card-meta">
                  <span className="code">{app.reference}</span> · {app.agency.name}
                </p>
                <p>
                  <StatusBadge status={app.status} />
                </p>
                <p className="muted small">
                  {t('apps.submitted', { date: formatDateTime(app.submittedAt) })}
                  {app.updatedAt !== app.submittedAt && (
                    <> · {t('apps.updated', { date: formatDateTime(app.updatedAt) })}</>
                  )}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

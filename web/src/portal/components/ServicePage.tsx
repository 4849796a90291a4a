import { getService, type ServiceDetail } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { HOME_HASH, applyHash, loginHash, navigate } from '../router';
import { useSession } from '../session';
import { useLoad } from '../../shared/useLoad';
import { useSla } from './ServiceCard';
import { ErrorAlert, Loading } from './Status';

export function serviceName(service: { name: string; nameEn: string }, lang: string): string {
  return lang === 'en' && service.nameEn ? service.nameEn : service.name;
}

/** Whether citizens can apply through the portal. */
export function appliesOnline(service: ServiceDetail): boolean {
  return service.channels.length === 0 || service.channels.includes('online');
}

function isWebAddress(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

/** Paragraphs of plain text, split at blank lines. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

export function ServicePage({ slug }: { slug: string }) {
  const { state, reload } = useLoad(`service:${slug}`, (signal) => getService(slug, signal));
  const { lang } = useI18n();
  usePageTitle(state.status === 'ready' ? serviceName(state.data, lang) : null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorAlert error={state.error} onRetry={reload} />;
  return <ServiceView service={state.data} />;
}

function ServiceView({ service }: { service: ServiceDetail }) {
  const { t, lang, formatRupiah } = useI18n();
  const { citizen } = useSession();
  const sla = useSla();
  const summary = lang === 'en' && service.summaryEn ? service.summaryEn : service.summary;
  const apply = applyHash(service.slug);
  return (
    <article className="service-detail" aria-labelledby="service-title">
      <p className="breadcrumb">
        <a href={HOME_HASH}>{t('service.back')}</a>
      </p>
      <h1 id="service-title">{serviceName(service, lang)}</h1>
      {summary && <p className="lead">{summary}</p>}

      <dl className="facts">
        <div>
          <dt>{t('service.provider')}</dt>
          <dd>
            {service.provider.agencyName}
            {service.provider.unit && <span className="sub">{service.provider.unit}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('service.handledBy')}</dt>
          <dd>
            {service.handlingUnit ?? t(`service.deliveredBy.${service.deliveredBy}`)}
            {service.handlingUnit && (
              <span className="sub">{t(`service.deliveredBy.${service.deliveredBy}`)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('service.cost')}</dt>
          <dd>
            {formatRupiah(service.cost.amount)}
            {service.cost.note && <span className="sub">{service.cost.note}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('service.sla')}</dt>
          <dd>{sla(service.slaDays)}</dd>
        </div>
        {service.channels.length > 0 && (
          <div>
            <dt>{t('service.channels')}</dt>
            <dd>{service.channels.map((c) => t(`service.channel.${c}`)).join(', ')}</dd>
          </div>
        )}
        {service.officialChannel && (
          <div>
            <dt>{t('service.officialChannel')}</dt>
            <dd>
              {isWebAddress(service.officialChannel) ? (
                <a href={service.officialChannel} rel="noopener noreferrer">
                  {service.officialChannel}
                </a>
              ) : (
                service.officialChannel
              )}
            </dd>
          </div>
        )}
      </dl>

      <div className="apply-box">
        {!appliesOnline(service) ? (
          <p>{t('service.notOnline')}</p>
        ) : citizen === null ? (
          <>
            <p>{t('service.applyLogin')}</p>
            <button
              type="button"
              className="button button-large"
              onClick={() => navigate(loginHash(apply))}
            >
              {t('service.apply')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-large" onClick={() => navigate(apply)}>
            {t('service.apply')}
          </button>
        )}
      </div>

      {service.description && (
        <section aria-labelledby="service-about">
          <h2 id="service-about">{t('service.about')}</h2>
          <Paragraphs text={service.description} />
        </section>
      )}
      {service.requirements.length > 0 && (
        <section aria-labelledby="service-requirements">
          <h2 id="service-requirements">{t('service.requirements')}</h2>
          <ul className="requirements">
            {service.requirements.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      {service.legalBasis && (
        <section aria-labelledby="service-legal">
          <h2 id="service-legal">{t('service.legalBasis')}</h2>
          <p>{service.legalBasis}</p>
        </section>
      )}
    </article>
  );
}

import type { ServiceSummary } from '../api';
import { useI18n } from '../i18n';
import { serviceHash } from '../router';

/** "1 hari kerja", or "Tidak ditentukan". */
export function useSla(): (days: number | null) => string {
  const { t } = useI18n();
  return (days) => (days === null ? t('service.slaNone') : t('service.slaDays', { n: days }));
}

export function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t, lang, formatRupiah } = useI18n();
  const sla = useSla();
  const name = lang === 'en' && service.nameEn ? service.nameEn : service.name;
  const summary = lang === 'en' && service.summaryEn ? service.summaryEn : service.summary;
  return (
    <article className="service-card">
      <h3>
        <a href={serviceHash(service.slug)}>{name}</a>
      </h3>
      {summary && <p>{summary}</p>}
      <dl className="meta">
        <div>
          <dt>{t('service.provider')}</dt>
          <dd>{service.provider.agencyName}</dd>
        </div>
        <div>
          <dt>{t('service.cost')}</dt>
          <dd>{formatRupiah(service.cost.amount)}</dd>
        </div>
        <div>
          <dt>{t('service.sla')}</dt>
          <dd>{sla(service.slaDays)}</dd>
        </div>
      </dl>
    </article>
  );
}

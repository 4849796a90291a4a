import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  getPrefillOffer,
  getService,
  giveConsent,
  submitApplication,
  type Consent,
  type ServiceDetail,
} from '../api';
import { setFlash } from '../flash';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { applicationHash, navigate, serviceHash } from '../router';
import {
  fieldsOf,
  initialValues,
  toData,
  toFieldValue,
  type FieldValue,
  type FormValues,
} from '../schemaForm';
import { useLoad } from '../../shared/useLoad';
import { ErrorLang, ErrorSummary } from './Field';
import { SchemaFields, useErrorList } from './SchemaFields';
import { useSubmitFeedback } from '../useSubmitFeedback';
import { appliesOnline, serviceName } from './ServicePage';
import { ErrorAlert, ErrorText, Loading } from './Status';

export function ApplyPage({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const { state, reload } = useLoad(`service:${slug}`, (signal) => getService(slug, signal));
  usePageTitle(
    state.status === 'ready'
      ? `${t('apply.title')}: ${serviceName(state.data, lang)}`
      : t('apply.title'),
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorAlert error={state.error} onRetry={reload} />;
  return <Apply key={slug} service={state.data} />;
}

type Decision =
  | { kind: 'pending' }
  | { kind: 'declined' }
  | { kind: 'consented'; consent: Consent; source: string };

function Apply({ service }: { service: ServiceDetail }) {
  const { t, lang } = useI18n();
  const [decision, setDecision] = useState<Decision>(
    service.prefill.length > 0 ? { kind: 'pending' } : { kind: 'declined' },
  );
  return (
    <section aria-labelledby="apply-title">
      <p className="breadcrumb">
        <a href={serviceHash(service.slug)}>{serviceName(service, lang)}</a>
      </p>
      <h1 id="apply-title">{t('apply.title')}</h1>
      <p className="lead">{t('apply.for', { name: serviceName(service, lang) })}</p>
      {!appliesOnline(service) && <p className="notice">{t('service.notOnline')}</p>}
      {decision.kind === 'pending' ? (
        <ConsentPanel
          service={service}
          onConsent={(consent, source) => setDecision({ kind: 'consented', consent, source })}
          onDecline={() => setDecision({ kind: 'declined' })}
        />
      ) : (
        <ApplicationForm
          service={service}
          consent={decision.kind === 'consented' ? decision.consent : null}
          source={decision.kind === 'consented' ? decision.source : ''}
        />
      )}
    </section>
  );
}

/**
 * Asks before anything is taken from the population register: which fields, from where, to whom.
 * Nothing but the list of fields is fetched before the citizen agrees.
 */
function ConsentPanel({
  service,
  onConsent,
  onDecline,
}: {
  service: ServiceDetail;
  onConsent: (consent: Consent, source: string) => void;
  onDecline: () => void;
}) {
  const { t, lang } = useI18n();
  const offer = useLoad(`prefill:${service.slug}`, (signal) =>
    getPrefillOffer(service.slug, signal),
  );
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [noneChosen, setNoneChosen] = useState(false);

  const fields =
    offer.state.status === 'ready'
      ? offer.state.data.fields
      : service.prefill.map(({ field, label, labelEn }) => ({ field, label, labelEn }));
  const source =
    offer.state.status === 'ready'
      ? offer.state.data.source
      : (service.prefill[0]?.source ?? 'Dukcapil');

  const accept = async () => {
    const chosen = fields.map((f) => f.field).filter((f) => !unchecked.has(f));
    if (chosen.length === 0) {
      setNoneChosen(true);
      return;
    }
    setNoneChosen(false);
    setBusy(true);
    setFailure(null);
    try {
      onConsent(await giveConsent(service.slug, chosen), source);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <section className="consent" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      {offer.state.status === 'loading' && <Loading />}
      {offer.state.status === 'error' && (
        <ErrorAlert error={offer.state.error} onRetry={offer.reload} />
      )}
      {offer.state.status === 'ready' && (
        <>
          <p>{t('consent.intro', { source })}</p>
          <dl className="facts facts-compact">
            <div>
              <dt>{t('consent.recipient')}</dt>
              <dd>
                {offer.state.data.recipient.agencyName}
                {offer.state.data.recipient.unit && (
                  <span className="sub">{offer.state.data.recipient.unit}</span>
                )}
              </dd>
            </div>
          </dl>
          <fieldset className="consent-fields" aria-describedby="consent-not-yet">
            <legend>{t('consent.fields')}</legend>
            {fields.map((f) => {
              const id = `consent-${f.field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
              return (
                <div className="check" key={f.field}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={!unchecked.has(f.field)}
                    onChange={(e) =>
                      setUnchecked((current) => {
                        const next = new Set(current);
                        if (e.target.checked) next.delete(f.field);
                        else next.add(f.field);
                        return next;
                      })
                    }
                  />
                  <label htmlFor={id}>{lang === 'en' && f.labelEn ? f.labelEn : f.label}</label>
                </div>
              );
            })}
          </fieldset>
          <p className="hint" id="consent-not-yet">
            {t('consent.notYet')}
          </p>
        </>
      )}
      {noneChosen && (
        <p className="alert alert-error" role="alert">
          {t('consent.noneChosen')}
        </p>
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      <p className="actions">
        {offer.state.status === 'ready' && (
          <button type="button" className="button" disabled={busy} onClick={() => void accept()}>
            {t('consent.accept')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={onDecline}
        >
          {t('consent.decline')}
        </button>
      </p>
    </section>
  );
}

function ApplicationForm({
  service,
  consent,
  source,
}: {
  service: ServiceDetail;
  consent: Consent | null;
  source: string;
}) {
  const { t, lang } = useI18n();
  const [prefilled] = useState<Record<string, FieldValue>>(() => {
    const out: Record<string, FieldValue> = {};
    if (consent === null) return out;
    const props = new Map(fieldsOf(service.form));
    for (const [field, value] of Object.entries(consent.values)) {
      const prop = props.get(field);
      if (prop) out[field] = toFieldValue(prop, value);
    }
    return out;
  });
  const [values, setValues] = useState<FormValues>(() => ({
    ...initialValues(service.form),
    ...prefilled,
  }));
  const { errors, serverSide, other, summary, check, failed } = useSubmitFeedback(service.form);
  const [busy, setBusy] = useState(false);
  const errorList = useErrorList(service.form, errors, 'apply');
  const first = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The consent panel is gone: start the form at its notice, not at the top of the page.
    if (consent !== null) first.current?.focus();
  }, [consent]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check(values)) return;
    setBusy(true);
    try {
      const application = await submitApplication(
        service.slug,
        toData(service.form, values),
        consent?.consentId ?? null,
      );
      const hash = applicationHash(application.reference);
      setFlash(hash, t('form.sent', { reference: application.reference }));
      navigate(hash);
    } catch (error) {
      setBusy(false);
      failed(error);
    }
  };

  return (
    <ErrorLang.Provider value={serverSide && lang !== 'en' ? 'en' : undefined}>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {consent !== null && (
          <div className="notice" tabIndex={-1} ref={first}>
            {t('consent.done', { source })}
          </div>
        )}
        <div ref={summary} tabIndex={-1} className="summary-anchor">
          <ErrorSummary title={t('form.errors')} errors={errorList} />
          {other !== null && (
            <div className="alert alert-error" role="alert">
              <p>
                <ErrorText error={other} />
              </p>
            </div>
          )}
        </div>
        <SchemaFields
          schema={service.form}
          values={values}
          onChange={setValues}
          errors={errors}
          prefilled={prefilled}
          idPrefix="apply"
        />
        <p className="actions">
          <button type="submit" className="button button-large" disabled={busy}>
            {busy ? t('form.sending') : t('form.submit')}
          </button>
        </p>
      </form>
    </ErrorLang.Provider>
  );
}

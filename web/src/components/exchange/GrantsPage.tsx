import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../api';
import { errorMessage } from '../../errors';
import {
  decideGrant,
  listGrants,
  listServices,
  listSystems,
  requestAccess,
  revokeGrant,
  type Grant,
  type GrantTerms,
} from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { useLoad } from '../../shared/useLoad';
import { SelectField } from '../SelectField';
import { ErrorAlert, Loading } from '../Status';
import { formatDateTime, serviceLabel } from './ExchangeNav';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface Outcome {
  ok: boolean;
  text: string;
}

/** Whether the user decides on the grant: the provider's operator, or a platform admin. */
function isProviderOf(user: User, grant: Grant): boolean {
  return user.role === 'platform_admin' || grant.providerAgency === user.agencyCode;
}

/**
 * Access requests and grants: a consumer's operator asks for access for one of their systems; the
 * provider's operator grants (optionally limited) or refuses, and revokes.
 */
export function GrantsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const grants = useLoad(`exchange-grants:${version}`, (signal) => listGrants(signal));
  const [deciding, setDeciding] = useState<Grant | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  useEffect(() => {
    document.title = `${t('exchange.grants.title')} — Padu`;
  }, [t]);

  const changed = (text: string) => {
    setOutcome({ ok: true, text });
    setDeciding(null);
    setVersion((v) => v + 1);
  };

  const onRevoke = async (grant: Grant) => {
    setBusyId(grant.id);
    try {
      await revokeGrant(grant.id);
      changed(t('exchange.grants.revoked', { id: grant.id }));
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(t, error) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="exchange-grants-title">
      <h1 id="exchange-grants-title">{t('exchange.grants.title')}</h1>
      <p className="lead">{t('exchange.grants.intro')}</p>
      <RequestAccess onRequested={(id) => changed(t('exchange.grants.requested', { id }))} />
      {outcome && (
        <p
          className={outcome.ok ? 'notice' : 'status status-error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="grant-outcome"
        >
          {outcome.text}
        </p>
      )}
      <h2>{t('exchange.grants.list')}</h2>
      {grants.state.status === 'loading' && <Loading />}
      {grants.state.status === 'error' && (
        <ErrorAlert error={grants.state.error} onRetry={grants.reload} />
      )}
      {grants.state.status === 'ready' &&
        (grants.state.data.length === 0 ? (
          <p className="muted">{t('exchange.grants.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="grant-table">
              <caption className="visually-hidden">{t('exchange.grants.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('exchange.service')}</th>
                  <th scope="col">{t('exchange.consumer')}</th>
                  <th scope="col">{t('exchange.status')}</th>
                  <th scope="col">{t('exchange.grants.terms')}</th>
                  <th scope="col">{t('exchange.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {grants.state.data.map((g) => (
                  <tr key={g.id} aria-current={deciding?.id === g.id ? 'true' : undefined}>
                    <td className="number">{g.id}</td>
                    <td>
                      {g.serviceName} <span className="muted code">{g.providerAgency}</span>
                    </td>
                    <td>
                      {g.consumerName} <span className="muted code">{g.consumerAgency}</span>
                    </td>
                    <td>
                      <span className="badge">{t(`exchange.grantStatus.${g.status}`)}</span>
                    </td>
                    <td>
                      <GrantTermsText grant={g} />
                    </td>
                    <td>
                      {g.status === 'requested' && isProviderOf(user, g) && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-label={t('exchange.grants.decideFor', { id: g.id })}
                          onClick={() => {
                            setOutcome(null);
                            setDeciding(g);
                          }}
                        >
                          {t('exchange.grants.decide')}
                        </button>
                      )}
                      {g.status === 'requested' && !isProviderOf(user, g) && (
                        <span className="muted">{t('exchange.grants.waiting')}</span>
                      )}
                      {g.status === 'granted' && isProviderOf(user, g) && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={busyId !== null}
                          aria-label={t('exchange.grants.revokeFor', { id: g.id })}
                          onClick={() => void onRevoke(g)}
                        >
                          {t('exchange.grants.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {deciding && (
        <DecisionForm
          key={deciding.id}
          grant={deciding}
          onDecided={(decision) =>
            changed(
              decision === 'granted'
                ? t('exchange.grants.granted', { id: deciding.id })
                : t('exchange.grants.refused', { id: deciding.id }),
            )
          }
          onCancel={() => setDeciding(null)}
        />
      )}
    </section>
  );
}

function GrantTermsText({ grant }: { grant: Grant }) {
  const { t, lang, formatNumber } = useI18n();
  const parts = [
    grant.methods === null ? t('exchange.grants.allMethods') : grant.methods.join(', '),
    grant.pathPrefixes === null ? t('exchange.grants.allPaths') : grant.pathPrefixes.join(', '),
    t('exchange.grants.perSecond', { count: formatNumber(grant.rateLimit) }),
  ];
  if (grant.expiresAt !== null)
    parts.push(t('exchange.grants.until', { date: formatDateTime(grant.expiresAt, lang) }));
  return <span className="muted">{parts.join(' · ')}</span>;
}

/** The consumer's side: ask for access to a service for one of my systems. */
function RequestAccess({ onRequested }: { onRequested: (id: number) => void }) {
  const { t } = useI18n();
  const systems = useLoad('exchange-systems:request', (signal) => listSystems(signal));
  const services = useLoad('exchange-services:request', (signal) =>
    listServices(undefined, signal),
  );
  const [systemId, setSystemId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const { id } = await requestAccess(Number(serviceId), Number(systemId));
      onRequested(id);
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const mySystems = systems.state.status === 'ready' ? systems.state.data : [];
  const allServices = services.state.status === 'ready' ? services.state.data : [];
  return (
    <section aria-labelledby="request-access-title">
      <h2 id="request-access-title">{t('exchange.grants.request')}</h2>
      {systems.state.status === 'error' && (
        <ErrorAlert error={systems.state.error} onRetry={systems.reload} />
      )}
      {services.state.status === 'error' && (
        <ErrorAlert error={services.state.error} onRetry={services.reload} />
      )}
      <form className="filters" onSubmit={(e) => void onSubmit(e)} data-testid="request-form">
        <SelectField
          id="request-system"
          label={t('exchange.grants.mySystem')}
          value={systemId}
          onChange={setSystemId}
          empty={t('exchange.choose')}
          required
          options={mySystems.map((s) => ({ value: s.id, label: `${s.agencyCode} · ${s.name}` }))}
        />
        <SelectField
          id="request-service"
          label={t('exchange.service')}
          value={serviceId}
          onChange={setServiceId}
          empty={t('exchange.choose')}
          required
          options={allServices.map((s) => ({ value: s.id, label: serviceLabel(s) }))}
        />
        <div className="field field-action">
          <button type="submit" className="button" disabled={busy}>
            {t('exchange.grants.send')}
          </button>
        </div>
      </form>
      {failure && (
        <p className="status status-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

/** The provider's decision on a request, with optional limits. Focus moves to its heading. */
function DecisionForm({
  grant,
  onDecided,
  onCancel,
}: {
  grant: Grant;
  onDecided: (decision: 'granted' | 'refused') => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [methods, setMethods] = useState<string[]>([]);
  const [paths, setPaths] = useState('');
  const [rateLimit, setRateLimit] = useState(String(grant.rateLimit));
  const [expiresOn, setExpiresOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  /** The limits as the API takes them, or a message saying what to correct. */
  const terms = (): GrantTerms | string => {
    const prefixes = paths
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const bad = prefixes.find((p) => !p.startsWith('/'));
    if (bad !== undefined) return t('exchange.decision.badPath', { path: bad });
    const limit = Number(rateLimit.trim());
    if (!/^\d+$/.test(rateLimit.trim()) || limit < 1 || limit > 100_000)
      return t('exchange.decision.badRateLimit');
    const result: GrantTerms = { rateLimit: limit };
    if (methods.length > 0) result.methods = methods;
    if (prefixes.length > 0) result.pathPrefixes = prefixes;
    // The end of the chosen day in the official's own time zone.
    if (expiresOn !== '') result.expiresAt = new Date(`${expiresOn}T23:59:59`).toISOString();
    return result;
  };

  const decide = async (decision: 'granted' | 'refused') => {
    const limits = decision === 'granted' ? terms() : {};
    if (typeof limits === 'string') {
      setFailure(limits);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await decideGrant(grant.id, decision, limits);
      onDecided(decision);
    } catch (error) {
      setFailure(errorMessage(t, error));
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void decide('granted');
  };

  return (
    <section className="card" aria-labelledby="decision-title" data-testid="decision-form">
      <h2 id="decision-title" ref={heading} tabIndex={-1}>
        {t('exchange.decision.title', {
          id: grant.id,
          consumer: grant.consumerName,
          service: grant.serviceName,
        })}
      </h2>
      <form className="form" onSubmit={onSubmit}>
        <fieldset>
          <legend>{t('exchange.decision.methods')}</legend>
          {METHODS.map((m) => (
            <label key={m} className="field inline">
              <input
                type="checkbox"
                checked={methods.includes(m)}
                onChange={(e) =>
                  setMethods((current) =>
                    e.target.checked ? [...current, m] : current.filter((x) => x !== m),
                  )
                }
              />{' '}
              {m}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="decision-paths">{t('exchange.decision.paths')}</label>
          <input
            id="decision-paths"
            type="text"
            value={paths}
            placeholder="/penduduk/, /kk/"
            aria-describedby="decision-paths-hint"
            onChange={(e) => setPaths(e.target.value)}
          />
          <p className="hint" id="decision-paths-hint">
            {t('exchange.decision.pathsHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="decision-rate">{t('exchange.decision.rateLimit')}</label>
          <input
            id="decision-rate"
            type="text"
            inputMode="numeric"
            value={rateLimit}
            onChange={(e) => setRateLimit(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="decision-expires">{t('exchange.decision.expires')}</label>
          <input
            id="decision-expires"
            type="date"
            value={expiresOn}
            aria-describedby="decision-expires-hint"
            onChange={(e) => setExpiresOn(e.target.value)}
          />
          <p className="hint" id="decision-expires-hint">
            {t('exchange.decision.expiresHint')}
          </p>
        </div>
        {failure && (
          <p className="status status-error" role="alert">
            {failure}
          </p>
        )}
        <p>
          <button type="submit" className="button" disabled={busy}>
            {t('exchange.decision.grant')}
          </button>{' '}
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void decide('refused')}
          >
            {t('exchange.decision.refuse')}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('exchange.decision.cancel')}
          </button>
        </p>
      </form>
    </section>
  );
}

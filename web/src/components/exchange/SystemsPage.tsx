import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../api';
import { errorMessage } from '../../errors';
import { listSystems, registerSystem, rotateSecret } from '../../exchangeApi';
import { useI18n } from '../../i18n';
import { useLoad } from '../../shared/useLoad';
import { ErrorAlert, Loading } from '../Status';

interface RevealedSecret {
  systemName: string;
  clientId: string;
  clientSecret: string;
  kind: 'registered' | 'rotated';
}

/** My agency's systems (an admin: every system) with their client ids; rotate a secret, register. */
export function SystemsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const systems = useLoad(`exchange-systems:${version}`, (signal) => listSystems(signal));
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('exchange.systems.title')} — Padu`;
  }, [t]);

  const onRotate = async (system: { id: number; name: string; clientId: string }) => {
    setBusyId(system.id);
    setFailure(null);
    setRevealed(null);
    try {
      const clientSecret = await rotateSecret(system.id);
      setRevealed({
        systemName: system.name,
        clientId: system.clientId,
        clientSecret,
        kind: 'rotated',
      });
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="exchange-systems-title">
      <h1 id="exchange-systems-title">{t('exchange.systems.title')}</h1>
      <p className="lead">
        {user.role === 'platform_admin'
          ? t('exchange.systems.introAdmin')
          : t('exchange.systems.intro', { agency: user.agencyCode ?? '' })}
      </p>
      {revealed && <SecretReveal secret={revealed} onClose={() => setRevealed(null)} />}
      {failure && (
        <p className="status status-error" role="alert">
          {failure}
        </p>
      )}
      {systems.state.status === 'loading' && <Loading />}
      {systems.state.status === 'error' && (
        <ErrorAlert error={systems.state.error} onRetry={systems.reload} />
      )}
      {systems.state.status === 'ready' &&
        (systems.state.data.length === 0 ? (
          <p className="muted">{t('exchange.systems.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="system-table">
              <caption className="visually-hidden">{t('exchange.systems.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.system')}</th>
                  <th scope="col">{t('exchange.agency')}</th>
                  <th scope="col">{t('exchange.systems.slug')}</th>
                  <th scope="col">{t('exchange.systems.clientId')}</th>
                  <th scope="col">{t('exchange.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {systems.state.data.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td className="code">{s.agencyCode}</td>
                    <td className="code">{s.slug}</td>
                    <td>
                      <code className="code">{s.clientId}</code>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busyId !== null}
                        aria-label={t('exchange.systems.rotateFor', { name: s.name })}
                        onClick={() => void onRotate(s)}
                      >
                        {t('exchange.systems.rotate')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <p className="hint">{t('exchange.systems.rotateHint')}</p>
      <RegisterSystem
        user={user}
        onRegistered={(secret) => {
          setFailure(null);
          setRevealed(secret);
          setVersion((v) => v + 1);
        }}
      />
    </section>
  );
}

/** A new secret, shown once, with a copy button. Focus moves here so that it is read out. */
function SecretReveal({ secret, onClose }: { secret: RevealedSecret; onClose: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [secret]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(secret.clientSecret);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or refused): the field can still be selected by hand.
      setCopied('no');
    }
  };

  return (
    <div
      className="notice form"
      data-testid="secret-reveal"
      role="region"
      aria-labelledby="secret-title"
    >
      <h2 id="secret-title" ref={heading} tabIndex={-1}>
        {secret.kind === 'registered'
          ? t('exchange.secret.registered', { name: secret.systemName })
          : t('exchange.secret.rotated', { name: secret.systemName })}
      </h2>
      <div className="field">
        <label htmlFor="secret-client-id">{t('exchange.systems.clientId')}</label>
        <input id="secret-client-id" type="text" readOnly value={secret.clientId} />
      </div>
      <div className="field">
        <label htmlFor="secret-value">{t('exchange.secret.label')}</label>
        <input
          id="secret-value"
          type="text"
          readOnly
          value={secret.clientSecret}
          data-testid="secret-value"
          onFocus={(e) => e.target.select()}
          aria-describedby="secret-hint"
        />
        <p className="hint" id="secret-hint">
          {secret.kind === 'registered'
            ? t('exchange.secret.onceHint')
            : t('exchange.secret.rotatedHint')}
        </p>
      </div>
      <p>
        <button type="button" className="button" onClick={() => void onCopy()}>
          {t('exchange.secret.copy')}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('exchange.secret.close')}
        </button>{' '}
        <span role="status">
          {copied === 'yes' && t('exchange.secret.copied')}
          {copied === 'no' && t('exchange.secret.copyFailed')}
        </span>
      </p>
    </div>
  );
}

function RegisterSystem({
  user,
  onRegistered,
}: {
  user: User;
  onRegistered: (secret: RevealedSecret) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [agencyCode, setAgencyCode] = useState(user.agencyCode ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const isAdmin = user.role === 'platform_admin';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const trimmed = name.trim();
      const created = await registerSystem({
        name: trimmed,
        ...(isAdmin ? { agencyCode: agencyCode.trim() } : {}),
      });
      onRegistered({
        systemName: trimmed,
        clientId: created.clientId,
        clientSecret: created.clientSecret,
        kind: 'registered',
      });
      setName('');
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="register-system-title">
      <h2 id="register-system-title">{t('exchange.systems.register')}</h2>
      <form className="filters" onSubmit={(e) => void onSubmit(e)}>
        {isAdmin && (
          <div className="field">
            <label htmlFor="register-agency">{t('exchange.systems.agencyCode')}</label>
            <input
              id="register-agency"
              type="text"
              required
              value={agencyCode}
              placeholder="34.04"
              onChange={(e) => setAgencyCode(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="register-name">{t('exchange.systems.name')}</label>
          <input
            id="register-name"
            type="text"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field field-action">
          <button type="submit" className="button" disabled={busy}>
            {t('exchange.systems.registerButton')}
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

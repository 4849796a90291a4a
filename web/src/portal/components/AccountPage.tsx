import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useState, type FormEvent } from 'react';
import { addPasskey, deletePasskey, fetchPasskeys, passkeyRegistrationOptions } from '../api';
import { useI18n } from '../i18n';
import { usePageTitle } from '../pageTitle';
import { useSession } from '../session';
import { useLoad } from '../../shared/useLoad';
import { TextField } from './Field';
import { ErrorAlert, Loading } from './Status';

/** The citizen's account: who they are, and their passkeys (a second factor besides the code). */
export function AccountPage() {
  const { t, formatDateTime } = useI18n();
  const { citizen } = useSession();
  usePageTitle(t('account.title'));
  const { state, reload, set } = useLoad('passkeys', (signal) => fetchPasskeys(signal));
  const [name, setName] = useState(t('passkey.defaultName'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const supported = browserSupportsWebAuthn();

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      const options = await passkeyRegistrationOptions();
      const response = await startRegistration({ optionsJSON: options as never });
      const added = await addPasskey(name.trim() || t('passkey.defaultName'), response);
      if (state.status === 'ready') set([...state.data, added]);
      else reload();
      setMessage(t('passkey.added', { name: added.name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async (id: string, passkeyName: string) => {
    setError(null);
    try {
      await deletePasskey(id);
      if (state.status === 'ready') set(state.data.filter((p) => p.id !== id));
      setMessage(t('passkey.removed', { name: passkeyName }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      {citizen && (
        <dl className="meta card">
          <div>
            <dt>{t('auth.name')}</dt>
            <dd>{citizen.name}</dd>
          </div>
          <div>
            <dt>{t('auth.nik')}</dt>
            <dd>{citizen.nik}</dd>
          </div>
          <div>
            <dt>{t('auth.email')}</dt>
            <dd>{citizen.email}</dd>
          </div>
        </dl>
      )}
      <h2>{t('passkey.title')}</h2>
      <p>{t('passkey.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p className="muted">{t('passkey.none')}</p>
        ) : (
          <ul className="passkeys">
            {state.data.map((p) => (
              <li key={p.id} className="card">
                <strong>{p.name}</strong>{' '}
                <span className="muted">
                  {t('passkey.addedAt', { at: formatDateTime(p.createdAt) })}
                  {p.lastUsedAt &&
                    ` · ${t('passkey.usedAt', { at: formatDateTime(p.lastUsedAt) })}`}
                </span>{' '}
                <button
                  type="button"
                  className="button-link"
                  onClick={() => void onDelete(p.id, p.name)}
                >
                  {t('passkey.remove', { name: p.name })}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {supported ? (
        <form className="card form" onSubmit={(e) => void onAdd(e)}>
          <TextField
            id="passkey-name"
            label={t('passkey.name')}
            value={name}
            onChange={setName}
            maxLength={60}
          />
          <p className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('passkey.add')}
            </button>
          </p>
        </form>
      ) : (
        <p className="notice">{t('passkey.unsupported')}</p>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}

import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { loginPasskey, passkeyLoginOptions, type Citizen } from '../api';
import { useI18n } from '../i18n';
import { ErrorAlert } from './Status';

/** "Sign in with a passkey": the alternative to the code, where the browser offers WebAuthn. */
export function PasskeyLogin({ onDone }: { onDone: (citizen: Citizen) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!browserSupportsWebAuthn()) return null;

  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      const options = await passkeyLoginOptions();
      const response = await startAuthentication({ optionsJSON: options as never });
      onDone(await loginPasskey(response));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="passkey-login">
      <p>{t('passkey.loginIntro')}</p>
      <p className="actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void onClick()}
        >
          {t('passkey.login')}
        </button>
      </p>
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}

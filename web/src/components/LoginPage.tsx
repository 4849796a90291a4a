import { useState, type FormEvent } from 'react';
import { login, type User } from '../api';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';

interface LoginPageProps {
  user: User | null | undefined;
  onLogin: (user: User) => void;
}

export function LoginPage({ user, onLogin }: LoginPageProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await login(username.trim(), password);
      onLogin(signedIn);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      {user && <p className="notice">{t('login.alreadySignedIn', { username: user.username })}</p>}
      <form className="card form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error !== null && (
          <p className="form-error" role="alert" data-testid="login-error">
            {errorMessage(t, error)}
          </p>
        )}
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('login.submit')}
        </button>
        {busy && (
          <p className="status" role="status">
            {t('login.submitting')}
          </p>
        )}
      </form>
    </section>
  );
}

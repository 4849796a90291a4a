import { useState } from 'react';
import type { User } from '../api';
import { errorMessage } from '../errors';
import { useI18n } from '../i18n';

interface UserMenuProps {
  user: User;
  onLogout: () => Promise<void>;
}

export function UserMenu({ user, onLogout }: UserMenuProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function logout(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await onLogout();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <div className="user-menu">
      <span className="user-info">
        <span className="visually-hidden">{t('nav.signedInAs')} </span>
        <strong data-testid="current-user">{user.username}</strong>
        <span className="user-role">
          {t(`role.${user.role}`)}
          {user.agencyCode ? ` · ${user.agencyCode}` : ''}
        </span>
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        data-testid="logout"
        disabled={busy}
        onClick={() => void logout()}
      >
        {t('nav.logout')}
      </button>
      {error !== null && (
        <span className="user-error" role="alert">
          {t('nav.logoutFailed', { message: errorMessage(t, error) })}
        </span>
      )}
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Citizen, Totp } from '../api';
import { useI18n } from '../i18n';
import { TextField } from './Field';
import { ErrorAlert } from './Status';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** A heading that takes focus when drawn, so a new step is announced. */
function StepHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}

/** The 6-digit code input and its "Verifikasi" button. */
export function CodeForm({
  submit,
  onDone,
}: {
  submit: (code: string) => Promise<Citizen>;
  onDone: (citizen: Citizen) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setFailure(null);
    setBusy(true);
    try {
      onDone(await submit(digits));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {failure !== null && <ErrorAlert error={failure} />}
      <TextField
        id="totp-code"
        label={t('auth.code')}
        hint={t('auth.codeHint')}
        error={invalid ? t('auth.error.code') : undefined}
        value={code}
        onChange={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        aria-required
        className="input-code"
        announce
      />
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('login.verify')}
        </button>
      </p>
    </form>
  );
}

/** Enrolment: the secret to add to an authenticator app, then the first code. */
export function TotpEnrol({
  totp,
  confirm,
  onDone,
}: {
  totp: Totp;
  confirm: (code: string) => Promise<Citizen>;
  onDone: (citizen: Citizen) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="enrol-title">
      <StepHeading id="enrol-title">{t('enrol.title')}</StepHeading>
      <p>{t('enrol.intro')}</p>
      <ol className="steps">
        <li>
          <p>{t('enrol.step1')}</p>
          <p className="secret">
            <span className="visually-hidden">{t('enrol.secret')}: </span>
            <code>{groupSecret(totp.secret)}</code>
          </p>
          <p>
            <a href={totp.otpauthUri}>{t('enrol.open')}</a>
          </p>
        </li>
        <li>
          <p>{t('enrol.step2')}</p>
          <CodeForm submit={confirm} onDone={onDone} />
        </li>
      </ol>
    </section>
  );
}

/** The second step of signing in: the code from the app. */
export function TotpLogin({
  submit,
  onDone,
}: {
  submit: (code: string) => Promise<Citizen>;
  onDone: (citizen: Citizen) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="code-title">
      <StepHeading id="code-title">{t('login.codeTitle')}</StepHeading>
      <p>{t('login.codeIntro')}</p>
      <CodeForm submit={submit} onDone={onDone} />
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import {
  setPlan,
  TIME_DECISIONS,
  type ApplicationDetail,
  type GovernmentFunction,
  type TimeDecision,
} from '../../catalogApi';
import { errorMessage } from '../../errors';
import { useI18n, type MessageKey } from '../../i18n';

export interface PlanMessage {
  ok: boolean;
  text: string;
}

/**
 * The application's rationalisation plan entry: TIME decision, target shared application,
 * deadline, completion. Editable by platform admins and the owning agency's operators.
 */
export function PlanForm({
  application,
  functions,
  canEdit,
  message,
  onSaved,
}: {
  application: ApplicationDetail;
  functions: readonly GovernmentFunction[];
  canEdit: boolean;
  /** The outcome of the last save; kept by the page, which reloads the application after it. */
  message: PlanMessage | null;
  onSaved: (message: PlanMessage) => void;
}) {
  const { t } = useI18n();
  const plan = application.plan;
  const suggested = application.sharedApplication;
  const [decision, setDecision] = useState<TimeDecision>(
    plan?.decision ?? (suggested === null ? 'tolerate' : 'migrate'),
  );
  const [target, setTarget] = useState(plan?.targetSharedApplication ?? suggested ?? '');
  const [deadline, setDeadline] = useState(plan?.deadline ?? '');
  const [completedOn, setCompletedOn] = useState(plan?.completedOn ?? '');
  const [note, setNote] = useState(plan?.note ?? '');
  const [busy, setBusy] = useState(false);
  const shared = [
    ...new Map(
      functions.flatMap((f) =>
        f.sharedApplication ? [[f.sharedApplication.code, f.sharedApplication]] : [],
      ) as [string, { code: string; name: string }][],
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const finishable = decision === 'migrate' || decision === 'eliminate';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await setPlan(application.id, {
        decision,
        targetSharedApplication: decision === 'migrate' && target !== '' ? target : null,
        deadline: deadline === '' ? null : deadline,
        completedOn: finishable && completedOn !== '' ? completedOn : null,
        note: note.trim() === '' ? null : note.trim(),
      });
      onSaved({ ok: true, text: t('catalog.planForm.saved') });
    } catch (error) {
      onSaved({ ok: false, text: errorMessage(t, error) });
      setBusy(false);
    }
  };

  if (!canEdit) {
    return plan === null ? (
      <p className="muted">{t('catalog.planForm.none')}</p>
    ) : (
      <p data-testid="plan-entry">
        {t(`catalog.time.${plan.decision}` as MessageKey)}
        {plan.targetSharedApplication && <> → {plan.targetSharedApplication}</>}
        {plan.deadline && (
          <>
            {' '}
            · {t('catalog.planForm.deadline')} {plan.deadline}
          </>
        )}
        {plan.completedOn && (
          <>
            {' '}
            · {t('catalog.planForm.completedOn')} {plan.completedOn}
          </>
        )}
      </p>
    );
  }
  return (
    <form className="form plan-form" onSubmit={(e) => void onSubmit(e)} data-testid="plan-form">
      <div className="field">
        <label htmlFor="plan-decision">{t('catalog.planForm.decision')}</label>
        <select
          id="plan-decision"
          value={decision}
          onChange={(e) => setDecision(e.target.value as TimeDecision)}
        >
          {TIME_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`catalog.time.${d}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {decision === 'migrate' && (
        <div className="field">
          <label htmlFor="plan-target">{t('catalog.sharedApplication')}</label>
          <select id="plan-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">—</option>
            {shared.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="plan-deadline">{t('catalog.planForm.deadline')}</label>
        <input
          id="plan-deadline"
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      {finishable && (
        <div className="field">
          <label htmlFor="plan-completed">{t('catalog.planForm.completedOn')}</label>
          <input
            id="plan-completed"
            type="date"
            value={completedOn}
            onChange={(e) => setCompletedOn(e.target.value)}
          />
          <p className="hint">{t('catalog.planForm.completedHint')}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="plan-note">{t('catalog.planForm.note')}</label>
        <input id="plan-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('catalog.planForm.save')}
      </button>
      {message && (
        <p
          className={message.ok ? 'notice' : 'status status-error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="plan-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

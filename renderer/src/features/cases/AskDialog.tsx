import { useState, type FormEvent } from 'react';
import { type PauseKind, type StepAction } from '../../../../shared/cases/enums';
import type { CommandOutcome, Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { hallNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { CheckList } from '../../ui/CheckList';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { StaffConfirm } from '../../ui/SignInForm';
import { parseList } from './caseView';

/** The steps that need words (or the fee charged) from the clerk, asked in a small dialog. */
const ASKED_STEPS = ['refuse', 'deny', 'requestSupplement', 'resubmit', 'conclude'] as const;
type AskedStep = (typeof ASKED_STEPS)[number];
export const isAskedStep = (a: StepAction): a is AskedStep => (ASKED_STEPS as readonly StepAction[]).includes(a);
export type AskKind = AskedStep | 'pause' | 'extend';

/** The words a step needs: a reason, the missing materials, the fee charged, the pause's kind, the extension and its approver. */
export function AskDialog(props: {
  c: Row<'cases'>;
  kind: AskKind;
  counterId: string;
  materials: string[];
  /** The fee the case should be charged when concluded (see standardFee). */
  standardFeeCents: number;
  onDone: (o: CommandOutcome) => boolean;
  onCancel: () => void;
}) {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const { c, kind, counterId } = props;
  const received = parseList(c.materials_received);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set(kind === 'resubmit' ? parseList(c.materials_missing) : []));
  const [pauseKind, setPauseKind] = useState<PauseKind>('special');
  const [days, setDays] = useState(kind === 'extend' ? 10 : 5);
  const [feeYuan, setFeeYuan] = useState(String(props.standardFeeCents / 100));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const base = { caseId: c.id, counterId, at: hallNow() };
    const list = [...picked, ...lines];
    const outcome =
      kind === 'refuse' || kind === 'deny'
        ? await api.command('case.step', { ...base, action: kind, reason: text.trim() })
        : kind === 'requestSupplement'
          ? await api.command('case.step', { ...base, action: 'requestSupplement', missing: list })
          : kind === 'resubmit'
            ? await api.command('case.step', { ...base, action: 'resubmit', received: list })
            : kind === 'conclude'
              ? await api.command('case.step', { ...base, action: 'conclude', feeCents: Math.round(Number(feeYuan) * 100) })
              : kind === 'pause'
                ? await api.command(
                    'case.pause',
                    pauseKind === 'special'
                      ? { ...base, kind: 'special', reason: text.trim(), expectedDays: days }
                      : { ...base, kind: 'suspend', reason: text.trim(), expectedDays: null },
                  )
                : await api.command('case.extend', {
                    caseId: c.id,
                    counterId,
                    days,
                    reason: text.trim(),
                    approver: { login: login.trim(), password },
                  });
    if (check(outcome)) props.onDone(outcome);
  };
  const choices =
    kind === 'requestSupplement'
      ? props.materials.filter((m) => !received.includes(m))
      : kind === 'resubmit'
        ? parseList(c.materials_missing)
        : [];
  return (
    <Dialog title={t(`case.ask.${kind}`)} onClose={props.onCancel}>
      <form className="dialog-form" onSubmit={submit} aria-label={t(`case.ask.${kind}`)}>
        {kind === 'pause' && (
          <div className="row">
            {(['special', 'suspend'] as const satisfies readonly PauseKind[]).map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="pk" checked={pauseKind === k} onChange={() => setPauseKind(k)} />
                {t(`case.pause.${k}`)}
              </label>
            ))}
          </div>
        )}
        <CheckList items={choices} selected={picked} onChange={setPicked} />
        {kind === 'conclude' ? (
          <label>
            {t('case.feeCharged', { n: (props.standardFeeCents / 100).toFixed(2) })}
            <input autoFocus type="number" min={0} step={0.01} required value={feeYuan} onChange={(e) => setFeeYuan(e.target.value)} />
          </label>
        ) : (
          <label>
            {t(kind === 'requestSupplement' || kind === 'resubmit' ? 'case.ask.more' : 'case.reason')}
            <textarea autoFocus rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} />
          </label>
        )}
        {(kind === 'extend' || (kind === 'pause' && pauseKind === 'special')) && (
          <label>
            {t(kind === 'extend' ? 'case.extendDays' : 'case.expectedDays')}
            <input
              type="number"
              min={1}
              max={kind === 'extend' ? 15 : 365}
              required
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          </label>
        )}
        {kind === 'extend' && (
          <fieldset>
            <legend>{t('case.approver')}</legend>
            <StaffConfirm login={login} password={password} onLogin={setLogin} onPassword={setPassword} />
          </fieldset>
        )}
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary">
          {t('app.confirm')}
        </button>
      </form>
    </Dialog>
  );
}

import { useState, type ReactNode } from 'react';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { CountersEditor } from '../../features/setup/CountersEditor';
import { HallIdentityForm } from '../../features/setup/HallIdentityForm';
import { NamedListEditor } from '../../features/setup/NamedListEditor';
import { ServicesEditor } from '../../features/setup/ServicesEditor';
import { SetupImport } from '../../features/setup/SetupImport';
import { useI18n, type Key } from '../../i18n';
import { StaffAdmin } from './StaffAdmin';
import { Terminals } from './Terminals';

/** 大厅设置: the administrator's editors of the hall itself, in the order a hall is set up. */
export function HallSetupTab() {
  return (
    <>
      <HallIdentityForm />
      <div className="setup-pair">
        <NamedListEditor list="zones" />
        <NamedListEditor list="departments" />
      </div>
      <ServicesEditor />
      <CountersEditor />
      <SetupImport />
    </>
  );
}

interface Step {
  id: string;
  titleKey: Key;
  body: () => ReactNode;
  /** What must exist before going on, if anything: the key of what to say while it does not. */
  missing?: (replica: ReturnType<typeof useHall>['replica']) => Key | null;
}

const STEPS: readonly Step[] = [
  { id: 'hall', titleKey: 'wizard.step.hall', body: () => <HallIdentityForm /> },
  {
    id: 'units',
    titleKey: 'wizard.step.units',
    body: () => (
      <div className="setup-pair">
        <NamedListEditor list="zones" />
        <NamedListEditor list="departments" />
      </div>
    ),
    missing: (r) => (rowsOf(r, 'departments').length === 0 ? 'wizard.need.departments' : null),
  },
  {
    id: 'services',
    titleKey: 'wizard.step.services',
    body: () => <ServicesEditor />,
    missing: (r) => (rowsOf(r, 'services').length === 0 ? 'wizard.need.services' : null),
  },
  {
    id: 'counters',
    titleKey: 'wizard.step.counters',
    body: () => <CountersEditor />,
    missing: (r) => (rowsOf(r, 'counters').length === 0 ? 'wizard.need.counters' : null),
  },
  {
    id: 'staff',
    titleKey: 'wizard.step.staff',
    body: () => <StaffAdmin />,
    missing: (r) => (rowsOf(r, 'staff').some((s) => s.role === 'clerk' && s.disabled_at === null) ? null : 'wizard.need.staff'),
  },
  { id: 'terminals', titleKey: 'wizard.step.terminals', body: () => <TerminalsStep /> },
];

function TerminalsStep() {
  const { t } = useI18n();
  return (
    <>
      <p className="muted">{t('wizard.terminalsHelp')}</p>
      <Terminals />
    </>
  );
}

/**
 * Whether the first-start wizard is due: decided once the replica holds the hall, for a hall with
 * no queue service yet, and kept for the visit (adding the first service must not end the wizard).
 */
export function useWizardDue(staff: Row<'staff'>): [boolean, () => void] {
  const { replica, connection } = useHall();
  const loaded = rowById(replica, 'halls', connection.welcome?.hallId) !== undefined;
  const [due, setDue] = useState<boolean | null>(null);
  if (due === null && loaded) setDue(staff.role === 'admin' && rowsOf(replica, 'services').length === 0);
  return [due === true, () => setDue(false)];
}

/** 开办向导: a new hall's setup step by step, with the board's own editors, until a ticket can be issued. */
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const [index, setIndex] = useState(0);
  const step = STEPS[index]!;
  const missing = step.missing?.(replica) ?? null;
  const last = index === STEPS.length - 1;
  return (
    <section className="wizard" aria-label={t('wizard.title')}>
      <header className="card wizard-head">
        <h2>
          {t('wizard.title')} · {t(step.titleKey)}
        </h2>
        <p>{t('wizard.intro')}</p>
        <ol className="wizard-steps" aria-label={t('wizard.step', { n: index + 1, of: STEPS.length })}>
          {STEPS.map((s, i) => (
            <li key={s.id} aria-current={i === index ? 'step' : undefined} className={i < index ? 'done' : ''}>
              {t(s.titleKey)}
            </li>
          ))}
        </ol>
      </header>
      {step.body()}
      <footer className="card wizard-foot row">
        <button type="button" className="btn" onClick={() => setIndex(index - 1)} disabled={index === 0}>
          {t('wizard.back')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={missing !== null}
          onClick={() => (last ? onDone() : setIndex(index + 1))}
        >
          {last ? t('wizard.finish') : t('wizard.next')}
        </button>
        {missing && <span className="muted">{t(missing)}</span>}
        <button type="button" className="btn link" onClick={onDone}>
          {t('wizard.skip')}
        </button>
      </footer>
    </section>
  );
}

import { useState } from 'react';
import { PRIORITIES, type Priority } from '../../../../shared/queue/enums';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import type { ServiceDefinition } from '../../../../shared/setup/commands';
import { ALL_PRIORITIES } from '../../../../shared/setup/sheet';
import { parsePriorities } from '../../../../shared/setup/rules';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { CheckList } from '../../ui/CheckList';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { FormButtons, RowActions } from './SetupButtons';
import { useSetupCommand } from './useSetupCommand';

type Draft = Omit<ServiceDefinition, 'dailyCap' | 'priorities'> & { dailyCap: string; priorities: Set<Priority> };

const draftOf = (s: Row<'services'>): Draft => ({
  serviceId: s.id,
  departmentId: s.department_id,
  name: s.name,
  prefix: s.prefix,
  sort: s.sort,
  dailyCap: s.daily_cap === null ? '' : String(s.daily_cap),
  maxWaitMin: s.max_wait_min,
  maxServiceMin: s.max_service_min,
  ticketFrom: s.ticket_from,
  ticketUntil: s.ticket_until,
  priorities: new Set(parsePriorities(s.priorities)),
});

/** The hall's queue services: what the kiosk offers, with its prefix, department, hours, cap and classes. */
export function ServicesEditor() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const services = rowsOf(replica, 'services').sort((a, b) => a.sort - b.sort);
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { error, busy, run } = useSetupCommand();
  const blank = (): Draft => ({
    serviceId: `${connection.welcome?.hallId ?? 'hall'}-s-${crypto.randomUUID()}`,
    departmentId: departments[0]?.id ?? '',
    name: '',
    prefix: '',
    sort: services.reduce((max, s) => Math.max(max, s.sort + 1), 0),
    dailyCap: '',
    maxWaitMin: 30,
    maxServiceMin: 20,
    ticketFrom: null,
    ticketUntil: null,
    priorities: new Set(ALL_PRIORITIES),
  });
  const save = async () => {
    if (!draft) return;
    const { dailyCap, priorities, ...rest } = draft;
    const payload = {
      ...rest,
      name: rest.name.trim(),
      prefix: rest.prefix.trim().toUpperCase(),
      dailyCap: dailyCap === '' ? null : Number(dailyCap),
      priorities: PRIORITIES.filter((p) => priorities.has(p)),
    };
    if (await run('service.save', payload)) setDraft(null);
  };
  const hours = (s: Row<'services'>) =>
    s.ticket_from === null && s.ticket_until === null ? t('hs.allDay') : `${s.ticket_from ?? '00:00'}–${s.ticket_until ?? '24:00'}`;
  return (
    <section className="card setup-list" aria-label={t('hs.services')}>
      <h2>{t('hs.services')}</h2>
      <button type="button" className="btn" onClick={() => setDraft(blank())} disabled={departments.length === 0}>
        {t('hs.add')}
      </button>
      <ErrorLine error={error} />
      {draft && <ServiceForm draft={draft} setDraft={setDraft} departments={departments} busy={busy} onSave={() => void save()} />}
      <DataTable
        label={t('hs.services')}
        rows={services}
        rowKey={(s) => s.id}
        columns={[
          { header: t('hs.prefix'), className: 'mono', cell: (s) => s.prefix },
          { header: t('hs.name'), rowHeader: true, cell: (s) => s.name },
          { header: t('hs.department'), cell: (s) => rowById(replica, 'departments', s.department_id)?.name ?? '' },
          { header: t('hs.hours'), cell: hours },
          { header: t('hs.dailyCap'), cell: (s) => s.daily_cap ?? t('hs.noCap') },
          {
            header: t('hs.priorities'),
            cell: (s) =>
              parsePriorities(s.priorities)
                .map((p) => t(`priority.${p}`))
                .join('、'),
          },
          {
            className: 'actions',
            cell: (s) => (
              <RowActions
                name={s.name}
                onEdit={() => setDraft(draftOf(s))}
                onRemove={() => void run('service.remove', { serviceId: s.id })}
              />
            ),
          },
        ]}
      />
    </section>
  );
}

function ServiceForm(props: {
  draft: Draft;
  setDraft: (d: Draft | null) => void;
  departments: Row<'departments'>[];
  busy: boolean;
  onSave: () => void;
}) {
  const { t } = useI18n();
  const { draft, setDraft } = props;
  const set = (changes: Partial<Draft>) => setDraft({ ...draft, ...changes });
  return (
    <form
      className="hs-form"
      aria-label={t('hs.services')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      <div className="row">
        <label>
          {t('hs.prefix')}
          <input className="short" value={draft.prefix} onChange={(e) => set({ prefix: e.target.value })} required maxLength={2} />
        </label>
        <label>
          {t('hs.name')}
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={40} />
        </label>
        <label>
          {t('hs.department')}
          <select value={draft.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
            <Options items={props.departments} value={(d) => d.id} label={(d) => d.name} />
          </select>
        </label>
        <label>
          {t('hs.dailyCap')}
          <input
            className="short"
            type="number"
            min={1}
            value={draft.dailyCap}
            placeholder={t('hs.noCap')}
            onChange={(e) => set({ dailyCap: e.target.value })}
          />
        </label>
      </div>
      <div className="row">
        <label>
          {t('hs.ticketFrom')}
          <input type="time" value={draft.ticketFrom ?? ''} onChange={(e) => set({ ticketFrom: e.target.value || null })} />
        </label>
        <label>
          {t('hs.ticketUntil')}
          <input type="time" value={draft.ticketUntil ?? ''} onChange={(e) => set({ ticketUntil: e.target.value || null })} />
        </label>
        <label>
          {t('hs.maxWait')}
          <input
            className="short"
            type="number"
            min={1}
            max={600}
            value={draft.maxWaitMin}
            onChange={(e) => set({ maxWaitMin: Number(e.target.value) })}
            required
          />
        </label>
        <label>
          {t('hs.maxService')}
          <input
            className="short"
            type="number"
            min={1}
            max={600}
            value={draft.maxServiceMin}
            onChange={(e) => set({ maxServiceMin: Number(e.target.value) })}
            required
          />
        </label>
      </div>
      <fieldset className="row">
        <legend>{t('hs.priorities')}</legend>
        <CheckList
          items={PRIORITIES}
          selected={draft.priorities}
          onChange={(priorities) => set({ priorities })}
          label={(p) => t(`priority.${p}`)}
        />
      </fieldset>
      <FormButtons busy={props.busy} onCancel={() => setDraft(null)} />
    </form>
  );
}

import { useState } from 'react';
import { WORK_PROFILES, type WorkProfile } from '../../../../shared/queue/enums';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { CheckList } from '../../ui/CheckList';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { FormButtons, RowActions } from './SetupButtons';
import { useSetupCommand } from './useSetupCommand';

interface Draft {
  counterId: string;
  number: string;
  name: string;
  zone: string;
  profile: WorkProfile;
  /** Ticked services, in the order ticked: the order the counter calls them in. */
  serviceIds: Set<string>;
}

/** The hall's counters: number, name, zone, calling order and the services each serves. */
export function CountersEditor() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const counters = rowsOf(replica, 'counters').sort((a, b) => a.number - b.number);
  const services = rowsOf(replica, 'services').sort((a, b) => a.sort - b.sort);
  const zones = rowsOf(replica, 'zones').sort((a, b) => a.sort - b.sort);
  const links = rowsOf(replica, 'counter_services');
  const servicesOf = (c: Row<'counters'>) =>
    links
      .filter((l) => l.counter_id === c.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => l.service_id);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { error, busy, run } = useSetupCommand();
  const blank = (): Draft => {
    const next = counters.reduce((max, c) => Math.max(max, c.number), 0) + 1;
    return {
      counterId: `${connection.welcome?.hallId ?? 'hall'}-c-${crypto.randomUUID()}`,
      number: String(next),
      name: t('hs.counterDefaultName', { n: next }),
      zone: zones[0]?.name ?? '',
      profile: 'ordered',
      serviceIds: new Set(),
    };
  };
  const edit = (c: Row<'counters'>): Draft => ({
    counterId: c.id,
    number: String(c.number),
    name: c.name,
    zone: c.zone,
    profile: c.profile,
    serviceIds: new Set(servicesOf(c)),
  });
  const prefixes = (ids: Iterable<string>) => [...ids].map((id) => rowById(replica, 'services', id)?.prefix ?? '?').join(' → ');
  const save = async () => {
    if (!draft) return;
    const payload = { ...draft, number: Number(draft.number), name: draft.name.trim(), serviceIds: [...draft.serviceIds] };
    if (await run('counter.save', payload)) setDraft(null);
  };
  const set = (changes: Partial<Draft>) => draft && setDraft({ ...draft, ...changes });
  return (
    <section className="card setup-list" aria-label={t('hs.counters')}>
      <h2>{t('hs.counters')}</h2>
      <button type="button" className="btn" onClick={() => setDraft(blank())} disabled={services.length === 0}>
        {t('hs.add')}
      </button>
      <ErrorLine error={error} />
      {draft && (
        <form
          className="hs-form"
          aria-label={t('hs.counters')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="row">
            <label>
              {t('hs.counterNumber')}
              <input
                className="short"
                type="number"
                min={1}
                max={999}
                value={draft.number}
                onChange={(e) => set({ number: e.target.value })}
                required
              />
            </label>
            <label>
              {t('hs.counterName')}
              <input value={draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={20} />
            </label>
            <label>
              {t('hs.zone')}
              <select value={draft.zone} onChange={(e) => set({ zone: e.target.value })}>
                <option value="">{t('hs.noZone')}</option>
                <Options items={zones} value={(z) => z.name} label={(z) => z.name} />
              </select>
            </label>
            <label>
              {t('hs.profile')}
              <select value={draft.profile} onChange={(e) => set({ profile: e.target.value as WorkProfile })}>
                <Options items={WORK_PROFILES} label={(p) => t(`hs.profile.${p}`)} />
              </select>
            </label>
          </div>
          <fieldset className="row checks">
            <legend>
              {t('hs.counterServices')} {prefixes(draft.serviceIds)}
            </legend>
            <CheckList
              items={services.map((s) => s.id)}
              selected={draft.serviceIds}
              onChange={(serviceIds) => set({ serviceIds })}
              label={(id) => {
                const s = rowById(replica, 'services', id);
                return s ? `${s.prefix} ${s.name}` : id;
              }}
            />
          </fieldset>
          <FormButtons busy={busy} onCancel={() => setDraft(null)} />
        </form>
      )}
      <DataTable
        label={t('hs.counters')}
        rows={counters}
        rowKey={(c) => c.id}
        columns={[
          { header: t('hs.counterNumber'), className: 'mono', cell: (c) => c.number },
          { header: t('hs.counterName'), rowHeader: true, cell: (c) => c.name },
          { header: t('hs.zone'), cell: (c) => c.zone || t('hs.noZone') },
          { header: t('hs.profile'), cell: (c) => t(`hs.profile.${c.profile}`) },
          { header: t('hs.counterServices'), className: 'mono', cell: (c) => prefixes(servicesOf(c)) },
          {
            className: 'actions',
            cell: (c) => (
              <RowActions name={c.name} onEdit={() => setDraft(edit(c))} onRemove={() => void run('counter.remove', { counterId: c.id })} />
            ),
          },
        ]}
      />
    </section>
  );
}

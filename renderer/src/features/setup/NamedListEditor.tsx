import { useState } from 'react';
import { rowsOf } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n, type Key } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine } from '../../ui/ErrorLine';
import { newId, useSetupCommand } from './useSetupCommand';

/** The two lists of plain names: the hall's zones (floors, wings) and its departments. */
const LISTS = {
  zones: { titleKey: 'hs.zones', nameKey: 'hs.zoneName', idKind: 'z', maxLength: 20 },
  departments: { titleKey: 'hs.departments', nameKey: 'hs.departmentName', idKind: 'd', maxLength: 40 },
} as const satisfies Record<string, { titleKey: Key; nameKey: Key; idKind: string; maxLength: number }>;

/** Adds, renames and deletes the names of one list; the hub refuses to delete what is in use, and says why. */
export function NamedListEditor({ list }: { list: keyof typeof LISTS }) {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const spec = LISTS[list];
  const rows = rowsOf(replica, list).sort((a, b) => a.sort - b.sort);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const { error, busy, run } = useSetupCommand();
  const save = (id: string, value: string, sort: number) =>
    list === 'zones'
      ? run('zone.save', { zoneId: id, name: value.trim(), sort })
      : run('department.save', { departmentId: id, name: value.trim(), sort });
  const remove = (id: string) => (list === 'zones' ? run('zone.remove', { zoneId: id }) : run('department.remove', { departmentId: id }));
  return (
    <section className="card setup-list" aria-label={t(spec.titleKey)}>
      <h2>{t(spec.titleKey)}</h2>
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const sort = rows.reduce((max, r) => Math.max(max, r.sort + 1), 0);
          if (await save(newId(connection.welcome?.hallId ?? 'hall', spec.idKind), name, sort)) setName('');
        }}
      >
        <label>
          {t(spec.nameKey)}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={spec.maxLength} />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          {t('hs.add')}
        </button>
      </form>
      <ErrorLine error={error} />
      <DataTable
        label={t(spec.titleKey)}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            rowHeader: true,
            cell: (r) =>
              renaming?.id === r.id ? (
                <form
                  className="row"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (await save(r.id, renaming.name, r.sort)) setRenaming(null);
                  }}
                >
                  <input
                    aria-label={t(spec.nameKey)}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: r.id, name: e.target.value })}
                    required
                    autoFocus
                  />
                  <button type="submit" className="btn small">
                    {t('hs.save')}
                  </button>
                  <button type="button" className="btn small" onClick={() => setRenaming(null)}>
                    {t('hs.cancel')}
                  </button>
                </form>
              ) : (
                r.name
              ),
          },
          {
            className: 'actions',
            cell: (r) => (
              <>
                <button
                  type="button"
                  className="btn small"
                  aria-label={`${t('hs.rename')} ${r.name}`}
                  onClick={() => setRenaming({ id: r.id, name: r.name })}
                >
                  {t('hs.rename')}
                </button>
                <button type="button" className="btn small" aria-label={`${t('hs.remove')} ${r.name}`} onClick={() => void remove(r.id)}>
                  {t('hs.remove')}
                </button>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

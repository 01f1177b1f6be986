import { useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/kernel/roles';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { ErrorLine } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { FormButtons } from './SetupButtons';
import { useSetupCommand } from './useSetupCommand';

/** The evaluator shows a staff photo small: scaled to fit 240×320 and saved as JPEG, it stays a few tens of kB. */
async function scaledPhoto(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 240 / bitmap.width, 320 / bitmap.height);
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/jpeg;base64,${btoa(binary)}`;
}

/**
 * One staff member's record as the administrator keeps it: name, role, department, the public
 * name, 工号 (a public staff number, never the login) and photo applicants see, and whether they may still sign in (a departed clerk is disabled;
 * history keeps their name).
 */
export function StaffEditForm({ staff, onDone }: { staff: Row<'staff'>; onDone: () => void }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const card = rowById(replica, 'staff_cards', staff.id);
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const [draft, setDraft] = useState({
    name: staff.name,
    role: staff.role,
    departmentId: staff.department_id ?? '',
    displayName: card?.display_name ?? staff.name,
    staffNo: card?.staff_no ?? '',
    active: staff.disabled_at === null,
  });
  /** A new photo (data URL), null to remove it, undefined to keep it. */
  const [photo, setPhoto] = useState<string | null | undefined>(undefined);
  const { error, busy, run } = useSetupCommand();
  const shown = photo === undefined ? card?.photo : photo;
  return (
    <form
      className="hs-form staff-edit"
      aria-label={t('hs.staffEdit', { login: staff.login })}
      onSubmit={async (e) => {
        e.preventDefault();
        const payload = { staffId: staff.id, ...draft, departmentId: draft.departmentId || null, ...(photo !== undefined && { photo }) };
        if (await run('staff.update', payload)) onDone();
      }}
    >
      <div className="row">
        <label>
          {t('staff.name')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={40} />
        </label>
        <label>
          {t('hs.displayName')}
          <input value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} required maxLength={40} />
        </label>
        {draft.role === 'clerk' && (
          <label>
            {t('hs.staffNo')}
            <input value={draft.staffNo} onChange={(e) => setDraft({ ...draft, staffNo: e.target.value })} maxLength={16} />
          </label>
        )}
        <label>
          {t('staff.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as StaffRole })}>
            <Options items={STAFF_ROLES} label={(r) => t(`staffRole.${r}`)} />
          </select>
        </label>
        <label>
          {t('sup.department')}
          <select value={draft.departmentId} onChange={(e) => setDraft({ ...draft, departmentId: e.target.value })}>
            <option value="">—</option>
            <Options items={departments} value={(d) => d.id} label={(d) => d.name} />
          </select>
        </label>
        <label className="radio">
          <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
          {t('hs.active')}
        </label>
      </div>
      <div className="row">
        {shown && <img className="staff-photo" src={shown} alt={t('hs.photo')} />}
        <label>
          {t('hs.photo')}
          <input
            type="file"
            accept="image/*"
            onChange={async (e) => e.target.files?.[0] && setPhoto(await scaledPhoto(e.target.files[0]))}
          />
        </label>
        {shown && (
          <button type="button" className="btn small" onClick={() => setPhoto(null)}>
            {t('hs.photoRemove')}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
      <FormButtons busy={busy} onCancel={onDone} />
    </form>
  );
}

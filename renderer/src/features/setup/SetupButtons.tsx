import { useI18n } from '../../i18n';

/** A setup list's row actions: edit it, delete it (the hub refuses to delete what is in use, and says why). */
export function RowActions({
  name,
  onEdit,
  editLabel,
  onRemove,
}: {
  name: string;
  onEdit: () => void;
  editLabel?: string;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const edit = editLabel ?? t('hs.edit');
  return (
    <>
      <button type="button" className="btn small" aria-label={`${edit} ${name}`} onClick={onEdit}>
        {edit}
      </button>
      <button type="button" className="btn small" aria-label={`${t('hs.remove')} ${name}`} onClick={onRemove}>
        {t('hs.remove')}
      </button>
    </>
  );
}

/** A setup form's save and cancel. */
export function FormButtons({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('hs.save')}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('hs.cancel')}
      </button>
    </div>
  );
}

import { useI18n } from '../i18n';

/** A period's first and last day (inclusive), side by side in a header row. */
export function DateRange(props: { from: string; to: string; onFrom: (day: string) => void; onTo: (day: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label className="inline">
        {t('rt.from')}
        <input type="date" value={props.from} onChange={(e) => props.onFrom(e.target.value)} />
      </label>
      <label className="inline">
        {t('rt.to')}
        <input type="date" value={props.to} onChange={(e) => props.onTo(e.target.value)} />
      </label>
    </>
  );
}

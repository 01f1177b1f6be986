import { useState, type FormEvent } from 'react';
import { RATING_FLAGS } from '../../../../shared/ratings/enums';
import { csvText } from '../../../../shared/kernel/csv';
import { ratingRows } from '../../../../shared/ratings/export';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useI18n } from '../../i18n';
import { csvBlob, download } from '../../ui/download';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { useDraft } from '../../ui/useDraft';
import { useRatingSettings } from './RateQr';

/**
 * Publication of 好差评 on the board's tab: a month's ratings exported as CSV without any rater
 * data, and the settings of rating by code (days a code holds, the address phones reach the hub
 * at), of the public board (whether it names the clerks) and the province's default rating rule.
 */
export function RatingsPublication({ today }: { today: string }) {
  const { api } = useHall();
  const { t } = useI18n();
  const settings = useRatingSettings();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [done, setDone] = useState<string | null>(null);
  const { error, check } = useCommandError();
  // The form follows the stored settings (another manager's save, the replica arriving) until edited.
  const [form, setForm] = useDraft({
    codeDays: String(settings.codeDays),
    phoneUrl: settings.phoneUrl,
    publishNames: settings.publishNames,
    defaultAfterDays: String(settings.defaultAfterDays),
  });
  const edit = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  const exportMonth = async () => {
    setDone(null);
    const answer = await api.query('ratings.export', { month });
    if (!check(answer) || !answer.ok) return;
    const rows = ratingRows(answer.result, {
      header: [
        t('rx.date'),
        t('rx.department'),
        t('rx.subject'),
        t('rx.counter'),
        t('rx.staffNo'),
        t('rx.level'),
        t('eval.sub.efficiency'),
        t('eval.sub.skill'),
        t('eval.sub.attitude'),
        t('rt.reasons'),
        t('rx.channel'),
        t('rx.flags'),
      ],
      date: formatDateTime,
      level: (l) => t(`eval.level.${l as 1 | 2 | 3 | 4 | 5}`),
      reason: (r) => t(`eval.reason.${r as 'slow'}`),
      channel: (c) => t(`rx.ch.${c}`),
      flag: (f) => ((RATING_FLAGS as readonly string[]).includes(f) ? t(`rt.flag.${f as 'fast'}`) : f),
      excluded: t('rx.excluded'),
      defaulted: t('rx.defaulted'),
    });
    download(`ratings-${month}.csv`, csvBlob(csvText(rows)));
    setDone(t('rx.exported', { n: answer.result.length }));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (
      check(
        await api.command('hall.setRatingSettings', {
          codeDays: Number(form.codeDays),
          phoneUrl: form.phoneUrl.trim(),
          publishNames: form.publishNames,
          defaultAfterDays: Number(form.defaultAfterDays),
        }),
      )
    )
      setDone(t('rx.saved'));
  };

  return (
    <section className="card" aria-label={t('rx.title')}>
      <h2>{t('rx.title')}</h2>
      <div className="case-head">
        <label className="inline">
          {t('rx.month')}
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" className="btn small" onClick={() => void exportMonth()} disabled={!/^\d{4}-\d{2}$/.test(month)}>
          {t('rx.export')}
        </button>
      </div>
      <form className="case-head" onSubmit={(e) => void save(e)} aria-label={t('rx.settings')}>
        <label className="inline">
          {t('rx.codeDays')}
          <input type="number" min={1} max={30} value={form.codeDays} onChange={(e) => edit({ codeDays: e.target.value })} />
        </label>
        <label className="inline">
          {t('rx.phoneUrl')}
          <input
            type="url"
            size={30}
            value={form.phoneUrl}
            placeholder="http://192.168.1.10:47000"
            onChange={(e) => edit({ phoneUrl: e.target.value })}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.publishNames} onChange={(e) => edit({ publishNames: e.target.checked })} />
          {t('rx.publishNames')}
        </label>
        <label className="inline" title={t('rx.defaultHelp')}>
          {t('rx.defaultAfterDays')}
          <input
            type="number"
            min={0}
            max={30}
            value={form.defaultAfterDays}
            onChange={(e) => edit({ defaultAfterDays: e.target.value })}
          />
        </label>
        <button type="submit" className="btn small">
          {t('rx.save')}
        </button>
      </form>
      {done && (
        <p className="info" role="status">
          {done}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

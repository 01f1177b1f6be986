import type { ReactNode } from 'react';
import type { ArchiveMonth } from '../../../../shared/archive/queries';
import type { ScoreFact } from '../../../../shared/archive/enums';
import { SCORE_FACTS, STAFF_ALERT_KINDS } from '../../../../shared/archive/enums';
import { meanOf, shareOf } from '../../../../shared/queue/kpi';
import { rowById } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { FigureList } from '../../ui/FigureList';
import { pauseReasonText } from '../counter/pauseReason';
import { itemName, sectionName } from './labels';
import { percentText } from '../../../../shared/kernel/percent';

type Entry = ArchiveMonth['entries'][number];

const minutes = (t: Translate, ms: number, n: number) => {
  const m = meanOf(ms / 60_000, n);
  return m === null ? t('ar.none') : t('ar.minutes', { n: m.toFixed(1) });
};
const hours = (t: Translate, ms: number) => t('ar.hours', { n: (ms / 3_600_000).toFixed(1) });
const percent = (t: Translate, part: number, whole: number) => {
  const pct = percentText(shareOf(part, whole));
  return pct === null ? t('ar.none') : t('ar.pct', { pct, n: whole });
};

/** A staff member's month: the score and its deductions, the system's facts, and the managers' entries (with `action` per entry). */
export function ArchiveView({ a, action }: { a: ArchiveMonth; action?: (e: Entry) => ReactNode }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const { rules } = a.score;
  const q = a.facts.queue;
  const c = a.facts.cases;
  const r = a.facts.ratings;
  const facts: [string, ReactNode][] = [
    [t('ar.fact.called'), q.called],
    [t('ar.fact.finished'), q.finished],
    [t('ar.fact.noShows'), q.noShows],
    [t('ar.fact.avgWait'), minutes(t, q.waitMs, q.called)],
    [t('ar.fact.serviceLevel'), percent(t, q.withinTarget, q.called)],
    [t('ar.fact.avgService'), minutes(t, q.serviceMs, q.finished)],
    [t('ar.fact.signedIn'), hours(t, q.signedInMs)],
    [t('ar.fact.serving'), hours(t, q.servingMs)],
    [t('ar.fact.idle'), hours(t, q.idleMs)],
    [t('ar.fact.idleWhileWaiting'), minutes(t, q.idleWhileWaitingMs, 1)],
    [t('ar.fact.received'), c.received],
    [t('ar.fact.decided'), c.decided],
    [t('ar.fact.onTime'), percent(t, c.onTime, c.decided)],
    [t('ar.fact.cards'), t('ar.cardsValue', { yellow: c.yellow, red: c.red })],
    [t('ar.fact.ratings'), t('ar.ofTotal', { n: r.active, of: r.services })],
    [t('ar.fact.satisfaction'), percent(t, r.satisfied, r.active)],
    [t('ar.fact.bad'), r.bad],
    [t('ar.fact.complaintsMonth'), t('ar.ofTotal', { n: a.facts.complaints.substantiated, of: a.facts.complaints.received })],
    ...STAFF_ALERT_KINDS.map((k): [string, ReactNode] => [t(`ar.fact.alert.${k}`), a.facts.alerts[k] ?? 0]),
  ];
  const lineName = (code: string) =>
    (SCORE_FACTS as readonly string[]).includes(code) ? t(`ar.fact.${code as ScoreFact}`) : itemName(t, rules, code);
  return (
    <div className="archive">
      <section className="card" aria-label={t('ar.score')}>
        <h3>
          {t('ar.score')}: <span className="archive-total">{t('ar.scoreLine', { total: a.score.total, version: a.score.version })}</span>
        </h3>
        <DataTable
          label={t('ar.score')}
          rows={a.score.sections}
          rowKey={(s) => s.code}
          columns={[
            { header: t('ar.section'), rowHeader: true, cell: (s) => sectionName(t, rules, s.code) },
            { header: t('ar.max'), cell: (s) => s.max },
            { header: t('ar.got'), cell: (s) => s.score },
          ]}
        />
        <DataTable
          label={t('ar.deductions')}
          rows={a.score.lines}
          rowKey={(l) => `${l.source}-${l.code}`}
          empty={t('ar.noDeductions')}
          columns={[
            { header: t('ar.deductions'), rowHeader: true, cell: (l) => lineName(l.code) },
            { header: t('ar.section'), cell: (l) => sectionName(t, rules, l.section) },
            { header: t('ar.times'), cell: (l) => l.times },
            { header: t('ar.points'), cell: (l) => `−${l.points}` },
          ]}
        />
        {a.score.unknown.length > 0 && <p className="muted">{t('ar.unknownItems', { n: a.score.unknown.length })}</p>}
        <p className="muted" aria-label={t('ar.stored')}>
          {t('ar.stored')}:{' '}
          {a.stored.length === 0
            ? t('ar.noStored')
            : a.stored.map((s) => t('ar.storedLine', { version: s.version, score: s.score })).join(t('list.separator'))}
        </p>
      </section>
      <section className="card" aria-label={t('ar.entries')}>
        <h3>{t('ar.entries')}</h3>
        <DataTable
          label={t('ar.entries')}
          rows={a.entries}
          rowKey={(e) => e.id}
          empty={t('ar.noEntries')}
          detail={action}
          columns={[
            { header: t('ar.day'), cell: (e) => e.day },
            { header: t('ar.kind'), cell: (e) => t(`ar.kind.${e.kind}`) },
            { header: t('ar.item'), cell: (e) => (e.item ? `${itemName(t, rules, e.item)} ×${e.times}` : t('ar.noItem')) },
            { header: t('ar.note'), cell: (e) => e.note },
            { header: t('ar.by'), cell: (e) => rowById(replica, 'staff', e.by_id)?.name ?? '—' },
            {
              header: t('ar.contest'),
              cell: (e) =>
                e.contest ? (
                  <span className={`chip contest-${e.contest}`} title={[e.contest_grounds, e.decision_note].filter(Boolean).join(' / ')}>
                    {t(`ar.contest.${e.contest}`)}
                  </span>
                ) : (
                  ''
                ),
            },
          ]}
        />
      </section>
      <section className="card archive-wide" aria-label={t('ar.facts')}>
        <h3>{t('ar.facts')}</h3>
        <FigureList className="archive-facts" label={t('ar.facts')} figures={facts} />
        <DataTable
          label={t('ar.pauses')}
          rows={a.facts.pauses}
          rowKey={(p) => p.reason ?? ''}
          empty={t('ar.noPauses')}
          columns={[
            { header: t('ar.pauseReason'), rowHeader: true, cell: (p) => pauseReasonText(t, p.reason) || t('ar.noReason') },
            { header: t('ar.pauseCount'), cell: (p) => p.count },
            { header: t('ar.pauseTime'), cell: (p) => minutes(t, p.ms, 1) },
          ]}
        />
        {a.facts.bad.length > 0 && (
          <DataTable
            label={t('ar.badList')}
            rows={a.facts.bad}
            rowKey={(b) => b.id}
            columns={[
              { header: t('ar.badAt'), cell: (b) => formatDateTime(b.at) },
              {
                header: t('ar.badReasons'),
                cell: (b) =>
                  `${b.reasons.map((x) => t(`eval.reason.${x}`)).join(t('list.separator'))}${b.comment ? ` — ${b.comment}` : ''}${b.excluded ? ` ${t('ar.badExcluded')}` : ''}`,
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

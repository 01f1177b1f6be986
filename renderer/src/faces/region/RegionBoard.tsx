import { useEffect, useState } from 'react';
import { z } from 'zod';
import { ErrorCode } from '../../../../shared/kernel/errors';
import { httpCall, phonePost } from '../../app/phonePost';
import { Board, type HallTile } from '../../../../shared/region/board';
import { shareOf } from '../../../../shared/queue/kpi';
import { formatDuration } from '../../app/time';
import { LanguageToggle, useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { FigureList, type Figure } from '../../ui/FigureList';
import { ErrorLine, type Outcome, type Problem } from '../../ui/ErrorLine';
import { SignInForm } from '../../ui/SignInForm';
import { Documents } from './Documents';
import { RegionReports } from './RegionReports';
import '../faces.css';
import { percentText } from '../../../../shared/kernel/percent';

/** How often the board asks the region again: the halls' figures move by the minute. */
const REFRESH_MS = 15_000;
const TOKEN_KEY = 'servicehall.region.session';
const Session = z.object({ token: z.string() });

const percent = (part: number, whole: number) => {
  const pct = percentText(shareOf(part, whole));
  return pct === null ? '—' : `${pct}%`;
};

/** A rate as shown on the board: the percentage with what it was computed from. */
const rate = (t: Translate, part: number, whole: number) => t('region.rate', { pct: percent(part, whole), part, whole });

/**
 * The regional board (`#/region` on the region server): a supervisor signs in and sees the halls of
 * their node and below — each hall's link to the region, its queue today, its cases yellow and red,
 * this month's on-time rate and today's 满意率, counted by the halls' own definitions — a ranking by
 * people served, each figure with its count, a hall's own figures by department on demand, and
 * reports by hall and level over months.
 */
export default function RegionBoard() {
  const { t } = useI18n();
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    const load = async () => {
      const answer = await httpCall('/api/board', { headers: { authorization: `Bearer ${token}` } }, Board);
      if (!live) return;
      if (answer.ok) return (setBoard(answer.result), setError(null));
      setError(answer.error);
      if (answer.error.code === ErrorCode.UNAUTHENTICATED) {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken(null);
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token]);

  const signIn = async (login: string, password: string): Promise<Outcome> => {
    const answer = await phonePost('/api/session', { login, password }, Session);
    if (!answer.ok) return answer;
    sessionStorage.setItem(TOKEN_KEY, answer.result.token);
    setToken(answer.result.token);
    return { ok: true };
  };

  if (!token)
    return (
      <main className="face region-face">
        <header className="region-head">
          <h1>{t('region.title')}</h1>
          <LanguageToggle />
        </header>
        <SignInForm title={t('region.signIn')} button={t('region.signInButton')} onSignIn={signIn} />
      </main>
    );
  const ranked = [...(board?.halls ?? [])].sort((a, b) => b.finished - a.finished || a.name.localeCompare(b.name));
  return (
    <main className="face region-face">
      <header className="region-head">
        <h1>{t('region.title')}</h1>
        {board && <span>{t('region.over', { node: board.supervisor.node, name: board.supervisor.name })}</span>}
        <LanguageToggle />
        <button
          type="button"
          className="btn"
          onClick={() => {
            sessionStorage.removeItem(TOKEN_KEY);
            setToken(null);
            setBoard(null);
          }}
        >
          {t('region.signOut')}
        </button>
      </header>
      <ErrorLine error={error} />
      {board && (
        <>
          <section aria-label={t('region.halls')} className="region-tiles">
            {board.halls.length === 0 && <p>{t('region.none')}</p>}
            {board.halls.map((h) => (
              <Tile key={h.hallId} hall={h} open={open === h.hallId} onOpen={() => setOpen(open === h.hallId ? null : h.hallId)} />
            ))}
          </section>
          {board.halls
            .filter((h) => h.hallId === open)
            .map((h) => (
              <HallDetail key={h.hallId} hall={h} />
            ))}
          <h2>{t('region.ranking')}</h2>
          <DataTable
            label={t('region.ranking')}
            columns={[
              { header: t('region.rank'), cell: (h) => ranked.indexOf(h) + 1 },
              { header: t('region.hall'), cell: (h) => h.name, rowHeader: true },
              { header: t('region.finished'), cell: (h) => h.finished },
              { header: t('region.issued'), cell: (h) => h.issued },
              { header: t('region.serviceLevel'), cell: (h) => rate(t, h.withinTarget, h.called) },
            ]}
            rows={ranked}
            rowKey={(h) => h.hallId}
            empty={t('region.none')}
          />
          <RegionReports token={token} nodes={board.nodes} />
          <Documents token={token} />
        </>
      )}
    </main>
  );
}

function Tile({ hall, open, onOpen }: { hall: HallTile; open: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <article className={`card region-tile ${hall.connected ? '' : 'region-offline'}`} aria-label={hall.name}>
      <h2>{hall.name}</h2>
      <p className="region-path">{hall.path.join(' › ')}</p>
      <p>
        {hall.connected ? t('region.connected') : t('region.offline')}
        {hall.lagMs !== null && ` · ${t('region.lag', { time: formatDuration(hall.lagMs) })}`}
      </p>
      <FigureList
        className="region-figures"
        figures={[
          [t('region.countersOpen'), hall.countersOpen],
          [t('region.waiting'), hall.waiting],
          [t('region.longestWait'), hall.longestWaitMs === null ? '—' : formatDuration(hall.longestWaitMs)],
          [t('region.finished'), hall.finished],
          [t('region.yellow'), hall.yellow, hall.yellow ? 'region-yellow' : ''],
          [t('region.red'), hall.red, hall.red ? 'region-red' : ''],
          [t('region.onTime'), percent(hall.onTime, hall.concluded)],
          [t('region.satisfaction'), percent(hall.ratings.satisfied, hall.ratings.active)],
        ]}
      />
      <button type="button" className="btn" aria-expanded={open} onClick={onOpen}>
        {t(open ? 'region.detailClose' : 'region.detail', { hall: hall.name })}
      </button>
    </article>
  );
}

/** A hall's own figures, drilled down from its tile: today, this month's cases, and its departments' cases yellow and red. */
function HallDetail({ hall }: { hall: HallTile }) {
  const { t } = useI18n();
  const figures: Figure[] = [
    [t('region.issued'), hall.issued],
    [t('region.finished'), hall.finished],
    [t('region.serviceLevel'), rate(t, hall.withinTarget, hall.called)],
    [t('region.concluded'), hall.concluded],
    [t('region.onTimeCount'), rate(t, hall.onTime, hall.concluded)],
    [t('region.rated'), `${hall.ratings.active}/${hall.ratings.services}`],
    [t('region.satisfactionCount'), rate(t, hall.ratings.satisfied, hall.ratings.active)],
    [t('region.bad'), rate(t, hall.ratings.bad, hall.ratings.active)],
  ];
  return (
    <section className="card region-detail" aria-label={t('region.detailOf', { hall: hall.name })}>
      <h2>{t('region.detailOf', { hall: hall.name })}</h2>
      <FigureList className="region-figures" figures={figures} />
      <DataTable
        label={t('region.byDepartment')}
        columns={[
          { header: t('region.department'), cell: (d) => d.name, rowHeader: true },
          { header: t('region.yellow'), cell: (d) => d.yellow },
          { header: t('region.red'), cell: (d) => d.red },
        ]}
        rows={hall.departments}
        rowKey={(d) => d.departmentId}
        empty={t('region.noSignals')}
      />
    </section>
  );
}

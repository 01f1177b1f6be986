import { useEffect, useState } from 'react';
import { HEARTBEAT_INTERVAL_MS } from '../../../../shared/counter/rules';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { TopBar } from '../../app/TopBar';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { MyFigures } from '../../features/reports/MyFigures';
import { SignInForm } from '../../ui/SignInForm';
import { Tabs } from '../../ui/Tabs';
import { MyArchive } from '../../features/archive/MyArchive';
import { CasePanel } from './CasePanel';
import { CounterPanel } from './CounterPanel';
import { Inquiries } from './Inquiries';
import { ProxyPanel } from './ProxyPanel';
import { MyRatings } from './MyRatings';
import { QueuePanel } from './QueuePanel';
import '../faces.css';

/** The window clerk's workstation: the counter's queue and session, cases and enquiries. */
export default function ClerkFace() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const counterId = connection.welcome?.counterId ?? null;
  const counter = rowById(replica, 'counters', counterId);
  const title = counter ? t('clerk.counter', { n: counter.number }) : t('role.clerk');
  return (
    <div className="face clerk">
      <TopBar title={title} />
      <main className="clerk-main">
        {!connection.welcome ? null : !counterId ? (
          <p className="notice-box">{t('clerk.noCounter')}</p>
        ) : !counter || counter.state === 'closed' || counter.terminal_id !== connection.welcome.terminalId ? (
          <SignIn counterId={counterId} />
        ) : (
          <>
            <div className="clerk-left">
              <Queue counterId={counterId} />
              <CounterPanel counterId={counterId} />
            </div>
            <Work counterId={counterId} staffId={counter.staff_id!} />
          </>
        )}
      </main>
    </div>
  );
}

/** The clerk's desk work: cases (办件), proxy cases carried to a hall above (代办件), first-asked enquiries (首问负责) and their own figures. */
function Work({ counterId, staffId }: { counterId: string; staffId: string }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const [tab, setTab] = useState<'cases' | 'proxy' | 'inquiries' | 'mine' | 'archive' | 'figures'>('cases');
  // 全程代办 is the points' work: a hall the region placed at the city level carries nothing up (its catalog says so).
  const level = rowsOf(replica, 'region_documents').find((d) => d.kind === 'proxy_catalog')?.hall_level;
  const carries = level !== 'city' || rowsOf(replica, 'proxy_cases').length > 0;
  const shown = tab === 'proxy' && !carries ? 'cases' : tab;
  return (
    <div className="clerk-right">
      <Tabs
        label={t('clerk.work')}
        tabs={[
          { id: 'cases', label: t('case.title') },
          ...(carries ? [{ id: 'proxy' as const, label: t('pxd.tab') }] : []),
          { id: 'inquiries', label: t('inq.title') },
          { id: 'mine', label: t('mine.tab') },
          { id: 'figures', label: t('rp.mine.title') },
          { id: 'archive', label: t('clerk.tab.archive') },
        ]}
        selected={shown}
        onSelect={setTab}
      >
        {shown === 'cases' ? (
          <CasePanel counterId={counterId} staffId={staffId} />
        ) : shown === 'proxy' ? (
          <ProxyPanel counterId={counterId} />
        ) : shown === 'inquiries' ? (
          <Inquiries counterId={counterId} staffId={staffId} />
        ) : shown === 'mine' ? (
          <MyRatings />
        ) : shown === 'figures' ? (
          <MyFigures />
        ) : (
          <MyArchive />
        )}
      </Tabs>
    </div>
  );
}

function Queue({ counterId }: { counterId: string }) {
  const { error, check } = useCommandError();
  useHeartbeat(counterId);
  return (
    <>
      <QueuePanel counterId={counterId} onResult={check} />
      <ErrorLine error={error} />
    </>
  );
}

/** While this terminal holds the counter, it tells the hub it is alive (the board shows it offline otherwise). */
function useHeartbeat(counterId: string) {
  const { api, connection } = useHall();
  const online = connection.status === 'connected';
  useEffect(() => {
    if (!online) return;
    const beat = () => void api.command('counter.heartbeat', { counterId });
    beat();
    const id = setInterval(beat, HEARTBEAT_INTERVAL_MS);
    return () => clearInterval(id);
  }, [api, counterId, online]);
}

function SignIn({ counterId }: { counterId: string }) {
  const { api } = useHall();
  const { t } = useI18n();
  return (
    <SignInForm
      title={t('clerk.signin.title')}
      button={t('clerk.signin')}
      onSignIn={(login, password) => api.command('counter.signIn', { counterId, login, password })}
    />
  );
}

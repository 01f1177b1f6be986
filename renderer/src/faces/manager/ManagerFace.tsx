import { useState, type ComponentType } from 'react';
import { rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useNow } from '../../app/time';
import { TopBar } from '../../app/TopBar';
import { useI18n, type Key } from '../../i18n';
import { Tabs } from '../../ui/Tabs';
import { ArchiveBoard } from '../../features/archive/ArchiveBoard';
import { ForecastBoard } from '../../features/forecast/ForecastBoard';
import { BookingAdmin } from '../../features/appointments/BookingAdmin';
import { allows, MANAGERS, whoMay, type Gated } from './access';
import { Alerts } from './Alerts';
import { CalendarAdmin } from './CalendarAdmin';
import { CaseSupervision } from './CaseSupervision';
import { CatalogAdmin } from './CatalogAdmin';
import { RegionDocsAdmin } from './RegionDocsAdmin';
import { HallSettingsTab } from './HallSettings';
import { HallSetupTab, SetupWizard, useWizardDue } from './HallSetup';
import { RatingsBoard } from './RatingsBoard';
import { ReportsTab } from './Reports';
import { LiveBoard, tileState, type TileState } from './LiveBoard';
import { ManagerSignIn, SessionBadge, useManagerSession } from './ManagerSession';
import '../faces.css';

/** A tab of the board: what it shows, and to whom. */
interface ManagerTab extends Gated {
  id: string;
  labelKey: Key;
  component: ComponentType<{ staff: Row<'staff'> }>;
}

const TABS: readonly ManagerTab[] = [
  { id: 'live', labelKey: 'board.tab.live', component: LiveBoard, staffRoles: MANAGERS },
  { id: 'cases', labelKey: 'board.tab.cases', component: CaseSupervision, staffRoles: MANAGERS },
  { id: 'catalog', labelKey: 'board.tab.catalog', component: CatalogTab, staffRoles: MANAGERS },
  { id: 'ratings', labelKey: 'board.tab.ratings', component: RatingsBoard, staffRoles: MANAGERS },
  { id: 'reports', labelKey: 'board.tab.reports', component: ReportsTab, staffRoles: MANAGERS },
  { id: 'admin', labelKey: 'board.tab.admin', component: HallSettingsTab, staffRoles: MANAGERS },
  { id: 'setup', labelKey: 'board.tab.setup', component: HallSetupTab, staffRoles: whoMay('service.save') },
  { id: 'archive', labelKey: 'board.tab.archive', component: ArchiveBoard, staffRoles: MANAGERS },
  { id: 'forecast', labelKey: 'board.tab.forecast', component: ForecastBoard, staffRoles: MANAGERS },
  { id: 'booking', labelKey: 'board.tab.booking', component: BookingAdmin, staffRoles: whoMay('booking.setTemplate') },
];

function CatalogTab({ staff }: { staff: Row<'staff'> }) {
  return (
    <>
      <CatalogAdmin />
      <CalendarAdmin staff={staff} />
      <RegionDocsAdmin staff={staff} />
    </>
  );
}

/** The hall manager's board, for the manager or administrator signed in at this terminal. */
export default function ManagerFace() {
  const { connection } = useHall();
  const staff = useManagerSession();
  if (!connection.welcome) return null;
  return staff ? <Board staff={staff} /> : <ManagerSignIn />;
}

function Board({ staff }: { staff: Row<'staff'> }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const tabs = TABS.filter((tab) => allows(tab, staff.role));
  const [tabId, setTabId] = useState(tabs[0]?.id ?? '');
  const [wizard, endWizard] = useWizardDue(staff);
  const Tab = tabs.find((tab) => tab.id === tabId)?.component;
  const counts: Record<TileState, number> = { open: 0, paused: 0, closed: 0, offline: 0 };
  for (const c of rowsOf(replica, 'counters')) counts[tileState(c, now)]++;
  return (
    <div className="face manager">
      <TopBar title={t('board.title')}>
        <span className="summary" aria-label={t('board.summary')}>
          {(['open', 'paused', 'offline', 'closed'] as const).map((s) => (
            <span key={s} className={`chip chip-${s}`}>
              {t(`board.tile.${s}`)} {counts[s]}
            </span>
          ))}
        </span>
        <SessionBadge staff={staff} />
      </TopBar>
      <main className="board">
        {wizard ? (
          <SetupWizard onDone={endWizard} />
        ) : (
          <Tabs
            label={t('board.title')}
            tabs={tabs.map((tab) => ({ id: tab.id, label: t(tab.labelKey) }))}
            selected={tabId}
            onSelect={setTabId}
          >
            {/* Alerts stay on every tab: a manager busy with settings must still see them. */}
            <Alerts now={now} />
            {Tab && <Tab staff={staff} />}
          </Tabs>
        )}
      </main>
    </div>
  );
}

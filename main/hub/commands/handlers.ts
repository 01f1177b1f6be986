import { archiveHandlers } from '../features/archive/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { bookingHandlers } from '../features/appointments/handlers';
import { calendarHandlers } from '../features/calendar/handlers';
import { caseHandlers } from '../features/cases/handlers';
import { catalogHandlers } from '../features/catalog/handlers';
import { counterHandlers } from '../features/counter/handlers';
import { hallHandlers } from '../features/hall/handlers';
import { inquiryHandlers } from '../features/inquiry/handlers';
import { complaintHandlers } from '../features/complaints/handlers';
import { followupHandlers } from '../features/followups/handlers';
import { queueHandlers } from '../features/queue/handlers';
import { ratingHandlers } from '../features/ratings/handlers';
import { regionDocHandlers } from '../features/regiondocs/handlers';
import { proxyHandlers } from '../features/proxy/handlers';
import { reportHandlers } from '../features/reports/handlers';
import { setupHandlers } from '../features/setup/handlers';
import { staffHandlers } from '../features/staff/handlers';
import { terminalHandlers } from '../features/terminals/handlers';
import type { Handlers } from './context';

/**
 * Every command's handler, from the features. Each feature's list is checked against its own specs
 * (FeatureHandlers), the specs' names are unique across features (shared/protocol/registry), and
 * `Handlers` asks for every CommandType: so each command has exactly one handler.
 */
export const handlers: Handlers = {
  ...counterHandlers,
  ...backupHandlers,
  ...inquiryHandlers,
  ...queueHandlers,
  ...terminalHandlers,
  ...staffHandlers,
  ...hallHandlers,
  ...caseHandlers,
  ...catalogHandlers,
  ...calendarHandlers,
  ...setupHandlers,
  ...ratingHandlers,
  ...followupHandlers,
  ...complaintHandlers,
  ...archiveHandlers,
  ...reportHandlers,
  ...bookingHandlers,
  ...regionDocHandlers,
  ...proxyHandlers,
};

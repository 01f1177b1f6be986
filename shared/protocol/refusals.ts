import { caseRefusals } from '../cases/rules';
import { counterRefusals } from '../counter/rules';
import { identityRefusals } from '../identity/rules';
import { inquiryRefusals } from '../inquiry/refusals';
import { commonRefusals } from '../kernel/commonRefusals';
import { inputRefusals } from '../kernel/input';
import type { Refusal } from '../kernel/refusal';
import { queueRefusals } from '../queue/refusals';
import { catalogRefusals } from '../catalog/refusals';
import { staffRefusals } from '../staff/password';
import { terminalRefusals } from '../terminals/refusals';
import { setupRefusals } from '../setup/refusals';
import { ratingRefusals } from '../ratings/refusals';
import { ruleRefusals, sheetRefusals } from '../kernel/sheetProblem';
import { complaintRefusals } from '../complaints/refusals';
import { archiveRefusals } from '../archive/refusals';
import { backupRefusals } from '../backup/refusals';
import { reportRefusals } from '../reports/refusals';
import { bookingRefusals } from '../appointments/refusals';
import { regionDocRefusals } from '../regiondocs/refusals';
import { proxyRefusals } from '../proxy/refusals';

/**
 * Every feature's refusals, one set per feature (the faces' `reason.*` labels are made from the
 * same list). A feature with refusals of its own adds its set here.
 */
export const REFUSAL_SETS = {
  commonRefusals,
  inputRefusals,
  identityRefusals,
  counterRefusals,
  queueRefusals,
  caseRefusals,
  inquiryRefusals,
  staffRefusals,
  terminalRefusals,
  catalogRefusals,
  setupRefusals,
  ratingRefusals,
  ruleRefusals,
  sheetRefusals,
  complaintRefusals,
  archiveRefusals,
  backupRefusals,
  bookingRefusals,
  reportRefusals,
  regionDocRefusals,
  proxyRefusals,
} as const;

/** A refusal by its reason key, as it arrives on the wire. */
export const REFUSALS: ReadonlyMap<string, Refusal> = new Map(
  Object.values(REFUSAL_SETS).flatMap((set) => Object.values(set).map((r: Refusal) => [r.reason, r] as const)),
);

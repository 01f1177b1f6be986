import { CREDENTIAL_PURPOSES, THING_LABELS } from '../../../../shared/kernel/commonRefusals';
import { FIELD_LABELS } from '../../../../shared/kernel/input';
import { reasonLabels } from '../../../../shared/kernel/refusal';
import { REFUSAL_SETS as S } from '../../../../shared/protocol/refusals';
import { TERMINAL_ACTIONS } from '../../../../shared/terminals/refusals';
import { DEPARTMENT_USES } from '../../../../shared/setup/refusals';
import { SHEET_KEYS, SHEET_THINGS } from '../../../../shared/kernel/sheetProblem';
import { prefixed } from '../labels';

/**
 * The hub's refusals by reason (`reason.<key>`), worded as the hub's own messages are, and the
 * labels of the codes they name: the fields people type into, missing things, password purposes.
 */
export const refusals = {
  ...reasonLabels(S.commonRefusals),
  ...reasonLabels(S.inputRefusals),
  ...reasonLabels(S.identityRefusals),
  ...reasonLabels(S.counterRefusals),
  ...reasonLabels(S.queueRefusals),
  ...reasonLabels(S.caseRefusals),
  ...reasonLabels(S.inquiryRefusals),
  ...reasonLabels(S.staffRefusals),
  ...reasonLabels(S.terminalRefusals),
  ...reasonLabels(S.catalogRefusals),
  ...reasonLabels(S.setupRefusals),
  ...reasonLabels(S.ratingRefusals),
  ...reasonLabels(S.ruleRefusals),
  ...reasonLabels(S.sheetRefusals),
  ...reasonLabels(S.complaintRefusals),
  ...reasonLabels(S.archiveRefusals),
  ...reasonLabels(S.backupRefusals),
  ...reasonLabels(S.bookingRefusals),
  ...reasonLabels(S.reportRefusals),
  ...reasonLabels(S.regionDocRefusals),
  ...reasonLabels(S.proxyRefusals),
  ...prefixed('sheetThing', SHEET_THINGS),
  ...prefixed('sheetKey', SHEET_KEYS),
  ...prefixed('setupUse', DEPARTMENT_USES),
  ...prefixed('field', FIELD_LABELS),
  ...prefixed('thing', THING_LABELS),
  ...prefixed('credentialsFor', CREDENTIAL_PURPOSES),
  ...prefixed('terminalAction', TERMINAL_ACTIONS),
};

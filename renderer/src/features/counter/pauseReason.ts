import { pauseReasonCode } from '../../../../shared/counter/rules';
import type { Translate } from '../../i18n';

/** A counter's stored pause reason in the reader's language: a usual reason by its label, free text as typed. */
export function pauseReasonText(t: Translate, stored: string | null): string {
  if (!stored) return '';
  const code = pauseReasonCode(stored);
  return code ? t(`pauseReason.${code}`) : stored;
}

import { useState, type FormEvent } from 'react';
import { PROXY_REFUSE_REASONS, type ProxyRefuseReason } from '../../../../shared/proxy/enums';
import type { CommandOutcome, Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';

/**
 * 退回代办件 at the deciding hall: a delivered proxy case not yet accepted goes back to the point that
 * took it in, with a reason from the fixed list and the clerk's words, which the point's agent reads
 * to the applicant.
 */
export function SendBack(props: { c: Row<'cases'>; counterId: string; onDone: (o: CommandOutcome) => boolean; onCancel: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [reason, setReason] = useState<ProxyRefuseReason>('materials_incomplete');
  const [text, setText] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await api.command('proxy.refuse', { caseId: props.c.id, counterId: props.counterId, reason, text: text.trim() });
    if (check(outcome)) props.onDone(outcome);
  };
  return (
    <Dialog title={t('pxd.sendBack')} onClose={props.onCancel}>
      <form className="dialog-form" onSubmit={submit} aria-label={t('pxd.sendBack')}>
        <label>
          {t('pxd.sendBackReason')}
          <select autoFocus value={reason} onChange={(e) => setReason(e.target.value as ProxyRefuseReason)}>
            <Options items={PROXY_REFUSE_REASONS} label={(r) => t(`proxy.reason.${r}`)} />
          </select>
        </label>
        <label>
          {t('pxd.sendBackText')}
          <textarea
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={1000}
            required
            placeholder={t('pxd.sendBackTextHint')}
          />
        </label>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-danger" disabled={!text.trim()}>
          {t('pxd.sendBackSubmit')}
        </button>
      </form>
    </Dialog>
  );
}

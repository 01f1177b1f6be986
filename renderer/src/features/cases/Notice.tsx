import { useState } from 'react';
import type { LimitUnit } from '../../../../shared/calendar/enums';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { rowById, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, useNow } from '../../app/time';
import { fill, useI18n } from '../../i18n';
import { NOTICE, type NoticeKind } from '../../i18n/zh-CN/notice';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { parseList } from './caseView';

/** Which notices a case can have now. */
export function noticesFor(c: Row<'cases'>): NoticeKind[] {
  if (c.status === 'refused') return ['refuse'];
  if (c.status === 'supplement') return ['supplement'];
  if (c.status === 'received') return [];
  return c.status === 'concluded' || c.status === 'delivered' ? ['accept', 'conclude'] : ['accept'];
}

/** 2026-11-25 → 2026年11月25日, as official documents write dates. */
const documentDate = (day: string): string => {
  const [y, m, d] = day.split('-');
  return fill(NOTICE.date, { y: y ?? '', m: Number(m), d: Number(d) });
};

/**
 * A written notice to the applicant (DOMAIN.md "Case workflow"), filled from the case. It is an
 * A4 sheet on screen and in print; only the sheet is printed, and it can be saved as a PDF (see
 * HallApi.savePdf). The sheet is an official document, in Chinese whatever the screen's language.
 */
export function NoticeSheet({ c, kind, onClose }: { c: Row<'cases'>; kind: NoticeKind; onClose: () => void }) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow(60_000);
  const [saved, setSaved] = useState<string | null>(null);
  const { error, check } = useCommandError();
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const item = rowById(replica, 'catalog_items', c.item_id);
  const department = rowById(replica, 'departments', c.department_id);
  const staffName = (id: string | null) => (id ? (rowById(replica, 'staff', id)?.name ?? '') : '');
  const settings = parseCaseSettings(hall?.case_settings ?? '{}');
  const { day: today } = useHallDay(now);
  const title = NOTICE.titles[kind];
  const savePdf = async () => {
    const r = await api.savePdf(`${title}-${c.number}`);
    if (check(r) && r.ok) setSaved(r.path);
  };
  const limit = (n: number, unit: LimitUnit) => (n === 0 ? NOTICE.instant : fill(NOTICE.limit, { n, unit: NOTICE.units[unit] }));
  const itemName = item?.name ?? '';
  const fee = (cents: number) => (cents === 0 ? NOTICE.free : fill(NOTICE.fee, { n: (cents / 100).toFixed(2) }));

  return (
    <div
      className="notice-overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t(`notice.${kind}`)}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="notice-tools no-print">
        <button type="button" className="btn btn-primary" autoFocus onClick={() => window.print()}>
          {t('case.print')}
        </button>
        <button type="button" className="btn" onClick={() => void savePdf()}>
          {t('case.pdf')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('app.cancel')} <kbd>Esc</kbd>
        </button>
        {saved && <span className="info">{t('case.pdfSaved', { path: saved })}</span>}
        <ErrorLine error={error} />
      </div>
      {/* The document itself is issued in Chinese whatever the screen's language (see NOTICE). */}
      <article className="notice-sheet" lang="zh-CN" aria-label={`${title} ${c.number}`}>
        <header>
          <p className="notice-hall">{hall?.name}</p>
          <h2>{title}</h2>
          <p className="notice-number">{fill(NOTICE.number, { number: c.number })}</p>
        </header>
        <p>
          <b>{c.applicant_name}</b>
          {c.applicant_type === 'enterprise' && c.credit_code ? fill(NOTICE.creditCode, { code: c.credit_code }) : ''}
          {NOTICE.addressed}
        </p>
        {kind === 'accept' && (
          <>
            <p>{fill(NOTICE.accept.body, { received: formatDateTime(c.received_at), item: itemName })}</p>
            <dl>
              <dt>{NOTICE.accept.acceptedAt}</dt>
              <dd>{c.accepted_at ? formatDateTime(c.accepted_at) : ''}</dd>
              <dt>{NOTICE.accept.limit}</dt>
              <dd>
                {fill(NOTICE.accept.limitLine, {
                  promised: limit(c.promised_limit, c.limit_unit),
                  statutory: limit(c.statutory_limit, c.statutory_unit),
                  due: c.promised_due ? documentDate(c.promised_due) : '',
                })}
              </dd>
              {c.extension_days > 0 && (
                <>
                  <dt>{NOTICE.accept.extension}</dt>
                  <dd>{fill(NOTICE.accept.extensionLine, { n: c.extension_days, reason: c.extension_reason ?? '' })}</dd>
                </>
              )}
              <dt>{NOTICE.accept.department}</dt>
              <dd>{department?.name}</dd>
              <dt>{NOTICE.accept.handler}</dt>
              <dd>{staffName(c.first_clerk_id)}</dd>
              <dt>{NOTICE.accept.fee}</dt>
              <dd>{item ? fee(item.fee_cents) : ''}</dd>
              {c.agent_name && (
                <>
                  <dt>{NOTICE.accept.agent}</dt>
                  <dd>{c.agent_name}</dd>
                </>
              )}
            </dl>
            <p>{NOTICE.accept.materials}</p>
            <ol>
              {parseList(c.materials_received).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
            <p className="notice-small">{NOTICE.accept.pauses}</p>
          </>
        )}
        {kind === 'supplement' && (
          <>
            <p>{fill(NOTICE.supplement.body, { item: itemName })}</p>
            <ol>
              {parseList(c.materials_missing).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
            <p>{fill(NOTICE.supplement.basis, { basis: item?.legal_basis ?? '' })}</p>
            <p>{NOTICE.supplement.again}</p>
          </>
        )}
        {kind === 'refuse' && (
          <>
            <p>{fill(NOTICE.refuse.body, { received: formatDateTime(c.received_at), item: itemName })}</p>
            <p className="notice-reason">{c.decision_reason}</p>
            <p>{NOTICE.refuse.appeal}</p>
          </>
        )}
        {kind === 'conclude' && (
          <>
            <p>
              {fill(NOTICE.conclude.body, { item: itemName, concluded: c.concluded_at ? formatDateTime(c.concluded_at) : '' })}
              <b>{c.decision_reason ? NOTICE.conclude.denied : NOTICE.conclude.granted}</b>
              {NOTICE.conclude.end}
            </p>
            {c.decision_reason && <p className="notice-reason">{fill(NOTICE.conclude.reason, { reason: c.decision_reason })}</p>}
            <p>{fill(NOTICE.conclude.collect, { department: department?.name ?? '' })}</p>
          </>
        )}
        <p>{fill(NOTICE.complaintPhone, { phone: settings.complaintPhone })}</p>
        <footer>
          <p>{fill(NOTICE.seal, { hall: hall?.name ?? '' })}</p>
          <p>{documentDate(today)}</p>
        </footer>
      </article>
    </div>
  );
}

import { useState } from 'react';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { rowById, type PreloadApi, type Row } from '../../../../shared/protocol';
import { ErrorLine } from '../../ui/components';
import { useHall, useHallDay, useNow } from '../../app/hall';
import { useI18n } from '../../i18n';
import { formatDateTime, formatDayCn, formatFee, parseList } from './caseView';

export type NoticeKind = 'accept' | 'supplement' | 'refuse' | 'conclude';

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  accept: '受理通知书',
  supplement: '一次性告知书',
  refuse: '不予受理决定书',
  conclude: '办结通知书',
};

/** Which notices a case can have now. */
export function noticesFor(c: Row<'cases'>): NoticeKind[] {
  if (c.status === 'refused') return ['refuse'];
  if (c.status === 'supplement') return ['supplement'];
  if (c.status === 'received') return [];
  return c.status === 'concluded' || c.status === 'delivered' ? ['accept', 'conclude'] : ['accept'];
}

const UNIT_CN = { working_days: '个工作日', natural_days: '日', months: '个月' } as const;

/**
 * A written notice to the applicant (DOMAIN.md "Case workflow"), filled from the case. It is an
 * A4 sheet on screen and in print; only the sheet is printed, and in Electron it can be saved as
 * a PDF file (in a browser, the print dialog's "save as PDF" does the same).
 */
export function NoticeSheet({ c, kind, onClose }: { c: Row<'cases'>; kind: NoticeKind; onClose: () => void }) {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow(60_000);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const item = rowById(replica, 'catalog_items', c.item_id);
  const department = rowById(replica, 'departments', c.department_id);
  const staffName = (id: string | null) => (id ? (rowById(replica, 'staff', id)?.name ?? '') : '');
  const settings = parseCaseSettings(hall?.case_settings ?? '{}');
  const { day: today } = useHallDay(now);
  const title = NOTICE_TITLES[kind];
  const bridge = (window as { servicehall?: PreloadApi }).servicehall;
  const savePdf = async () => {
    if (!bridge) return window.print();
    const r = await bridge.savePdf(`${title}-${c.number}`);
    if (r.ok) setSaved(r.path);
    else setError(r.error.message);
  };
  const limit = (n: number) => (n === 0 ? '当场办结' : `${n}${UNIT_CN[c.limit_unit]}`);

  return (
    <div className="notice-overlay" role="dialog" aria-modal="true" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="notice-tools no-print">
        <button type="button" className="btn btn-primary" autoFocus onClick={() => window.print()}>
          {t('case.print')}
        </button>
        <button type="button" className="btn" onClick={() => void savePdf()}>
          {t('case.pdf')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('clerk.cancel')} <kbd>Esc</kbd>
        </button>
        {saved && <span className="info">{t('case.pdfSaved', { path: saved })}</span>}
        <ErrorLine error={error} />
      </div>
      <article className="notice-sheet" aria-label={`${title} ${c.number}`}>
        <header>
          <p className="notice-hall">{hall?.name}</p>
          <h2>{title}</h2>
          <p className="notice-number">编号：{c.number}</p>
        </header>
        <p>
          <b>{c.applicant_name}</b>
          {c.applicant_type === 'enterprise' && c.credit_code ? `（统一社会信用代码 ${c.credit_code}）` : ''}：
        </p>
        {kind === 'accept' && (
          <>
            <p>
              你（单位）于 {formatDateTime(c.received_at)} 提出的“{item?.name}
              ”申请，经审查，申请材料齐全、符合法定形式，本机关决定予以受理。
            </p>
            <dl>
              <dt>受理时间</dt>
              <dd>{c.accepted_at ? formatDateTime(c.accepted_at) : ''}</dd>
              <dt>承诺办理时限</dt>
              <dd>
                {limit(c.promised_limit)}（法定时限 {limit(c.statutory_limit)}），预计于 {c.promised_due ? formatDayCn(c.promised_due) : ''}{' '}
                前办结
              </dd>
              {c.extension_days > 0 && (
                <>
                  <dt>延长期限</dt>
                  <dd>
                    延长 {c.extension_days} 个工作日，理由：{c.extension_reason}
                  </dd>
                </>
              )}
              <dt>受理部门</dt>
              <dd>{department?.name}</dd>
              <dt>经办人</dt>
              <dd>{staffName(c.first_clerk_id)}</dd>
              <dt>收费标准</dt>
              <dd>{item ? formatFee(item.fee_cents) : ''}</dd>
              {c.agent_name && (
                <>
                  <dt>全程代办</dt>
                  <dd>{c.agent_name}</dd>
                </>
              )}
            </dl>
            <p>已收取的申请材料：</p>
            <ol>
              {parseList(c.materials_received).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
            <p className="notice-small">依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计入办理时限，届时另行书面告知。</p>
          </>
        )}
        {kind === 'supplement' && (
          <>
            <p>
              你（单位）提出的“{item?.name}
              ”申请，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正的全部内容如下：
            </p>
            <ol>
              {parseList(c.materials_missing).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ol>
            <p>设定依据：{item?.legal_basis}</p>
            <p>请补齐上述材料后再次提交。补正材料齐全后，本机关将依法受理。</p>
          </>
        )}
        {kind === 'refuse' && (
          <>
            <p>
              你（单位）于 {formatDateTime(c.received_at)} 提出的“{item?.name}”申请，经审查，本机关决定不予受理，理由如下：
            </p>
            <p className="notice-reason">{c.decision_reason}</p>
            <p>如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。</p>
          </>
        )}
        {kind === 'conclude' && (
          <>
            <p>
              你（单位）申请的“{item?.name}”已于 {c.concluded_at ? formatDateTime(c.concluded_at) : ''} 办结，办理结果：
              <b>{c.decision_reason ? '不予许可' : '准予许可'}</b>。
            </p>
            {c.decision_reason && <p className="notice-reason">理由：{c.decision_reason}</p>}
            <p>请凭本通知书及有效身份证件到 {department?.name} 窗口领取结果，或按约定方式送达。</p>
          </>
        )}
        <p>监督投诉电话：{settings.complaintPhone}</p>
        <footer>
          <p>{hall?.name}（印章）</p>
          <p>{formatDayCn(today)}</p>
        </footer>
      </article>
    </div>
  );
}

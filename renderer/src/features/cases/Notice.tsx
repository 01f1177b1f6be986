import { useState } from 'react';
import { NoticeDocument } from '../../../../shared/cases/notices';
import type { Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { ratePageAddress } from '../../../../shared/ratings/phone';
import { QrImage, usePhoneBase } from '../ratings/RateQr';

/** The issued document of a notice row; null for one this renderer cannot read (a newer hub's). */
export function noticeDocumentOf(n: Row<'case_notices'>): NoticeDocument | null {
  try {
    const parsed = NoticeDocument.safeParse(JSON.parse(n.content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The browser prints on its default paper (Letter in many) unless the page asks: while a notice is
 * open, the document's pages are A4 without margins (the sheet has its own). A named page on the
 * sheet would not do: it is positioned out of the flow, and named pages apply to boxes in it.
 */
const A4_PAGE = '@page { size: A4; margin: 0; }';

/**
 * A written notice to the applicant as it was issued (DOMAIN.md "Case workflow"): its stored
 * document, never the case as it is now, so a reprint shows the issued version with its number, the
 * deciding department's seal and the day of issue. An A4 sheet on screen and in print; only the
 * sheet is printed, and it can be saved as a PDF (see HallApi.savePdf). The sheet is an official
 * document, in Chinese whatever the screen's language.
 */
export function NoticeSheet({ notice, onClose }: { notice: Row<'case_notices'>; onClose: () => void }) {
  const { t } = useI18n();
  const doc = noticeDocumentOf(notice);
  return (
    <DocumentSheet
      doc={doc}
      label={t(`notice.${notice.kind}`)}
      fileName={`${doc?.title ?? t(`notice.${notice.kind}`)}-${notice.number}`}
      sheetLabel={doc ? `${doc.title} ${notice.number}` : ''}
      onClose={onClose}
    />
  );
}

/**
 * A notice document on its A4 sheet, with the tools to print it or save it as a PDF: a notice as
 * the hall issued it (NoticeSheet), or one a point prints for a case decided at another hall
 * (全程代办). `doc` null: a document this renderer cannot read, said so.
 */
export function DocumentSheet(props: {
  doc: NoticeDocument | null;
  /** The dialog's name, in the reader's language. */
  label: string;
  fileName: string;
  /** The sheet's name (the document's title and number, in Chinese as the document). */
  sheetLabel: string;
  onClose: () => void;
}) {
  const { api } = useHall();
  const { t } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  const { error, check } = useCommandError();
  const { doc, onClose } = props;
  const savePdf = async () => {
    const r = await api.savePdf(props.fileName);
    if (check(r) && r.ok) setSaved(r.path);
  };

  return (
    <div
      className="notice-overlay"
      role="dialog"
      aria-modal="true"
      aria-label={props.label}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <style>{A4_PAGE}</style>
      <div className="notice-tools no-print">
        <button type="button" className="btn btn-primary" autoFocus onClick={() => window.print()} disabled={!doc}>
          {t('case.print')}
        </button>
        <button type="button" className="btn" onClick={() => void savePdf()} disabled={!doc}>
          {t('case.pdf')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('app.cancel')} <kbd>Esc</kbd>
        </button>
        {saved && <span className="info">{t('case.pdfSaved', { path: saved })}</span>}
        {!doc && <span className="why">{t('case.noticeUnreadable')}</span>}
        <ErrorLine error={error} />
      </div>
      {doc && (
        <article className="notice-sheet" lang="zh-CN" aria-label={props.sheetLabel}>
          <header>
            <p className="notice-hall">{doc.hall}</p>
            <h2>{doc.title}</h2>
            <p className="notice-number">{doc.number}</p>
            <p className="notice-number">{doc.caseNumber}</p>
          </header>
          <p>
            <b>{doc.addressee}</b>
          </p>
          {doc.blocks.map((b, i) =>
            b.kind === 'text' ? (
              <p key={i} className={b.style === 'plain' ? undefined : `notice-${b.style}`}>
                {b.text}
              </p>
            ) : b.kind === 'list' ? (
              <ol key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ol>
            ) : (
              <dl key={i}>
                {b.rows.map((r) => (
                  <div key={r.label} className="notice-field">
                    <dt>{r.label}</dt>
                    <dd>{r.value}</dd>
                  </div>
                ))}
              </dl>
            ),
          )}
          {doc.ratingCode && <NoticeQr code={doc.ratingCode} />}
          <footer>
            <p>{doc.seal}</p>
            <p>{doc.date}</p>
          </footer>
          {doc.receipt && (
            <section className="notice-receipt" aria-label={doc.receipt[0]}>
              {doc.receipt.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </section>
          )}
        </article>
      )}
    </div>
  );
}

/** The 办结通知书's 好差评 QR image, beside its closing lines (the notice prints the code in words). */
function NoticeQr({ code }: { code: string }) {
  const base = usePhoneBase();
  return base ? (
    <aside className="notice-rate">
      <QrImage text={ratePageAddress(base, code)} label="好差评二维码" size="28mm" />
    </aside>
  ) : null;
}

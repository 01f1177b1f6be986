import { useState, type FormEvent } from 'react';
import { rowById, rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { hallNow, useNow } from '../../app/time';
import { ApplicantInputs, useApplicant } from '../../features/cases/ApplicantFields';
import { parseList } from '../../features/cases/caseView';
import { DocumentSheet } from '../../features/cases/Notice';
import { proxyCatalogCodes, proxyStage, sortProxies } from '../../features/proxy/proxyView';
import { noticePrintable, proxyConcludeNotice } from '../../../../shared/proxy/notice';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { useI18n, type Key, type Vars } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { KeyButton } from '../../ui/KeyButton';
import { Options } from '../../ui/Options';

/**
 * 全程代办 at a point (a village or township hall): the clerk, the applicant's agent, takes in a case
 * for an item a hall above decides (Insert), and follows each one there: on its way, delivered, its
 * steps at the deciding hall with the due day, or sent back with the reason, so they can tell the
 * applicant; once concluded, they print the 办结通知书 for the applicant.
 */
export function ProxyPanel({ counterId }: { counterId: string }) {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const { settings, day } = useHallDay(useNow(60_000));
  const [registering, setRegistering] = useState(false);
  // Kept as the words' key, not the words: they follow a switch of language while shown.
  const [note, setNote] = useState<{ key: Key; vars?: Vars } | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const proxies = sortProxies(rowsOf(replica, 'proxy_cases'));
  const printed = rowById(replica, 'proxy_cases', printing);
  const point = {
    name: hall?.name ?? '',
    issuedDay: day,
    complaintPhone: parseCaseSettings(hall?.case_settings ?? '{}').complaintPhone,
    utcOffsetMinutes: settings.utcOffsetMinutes,
  };

  const registered = (outcome: CommandOutcome<'proxy.register'>) => {
    setRegistering(false);
    setNote(
      outcome.ok === 'queued'
        ? { key: 'case.queued' }
        : outcome.ok
          ? { key: 'pxd.registered', vars: { number: outcome.result.proxy.number } }
          : null,
    );
  };
  /** What the agent tells the applicant beside the stage: the clock paused there, the decision, or why it came back. */
  const remarks = (p: Row<'proxy_cases'>) => {
    const stage = proxyStage(p);
    if (stage === 'returned') {
      if (!p.refusal_reason) return '';
      const reason = t(`proxy.reason.${p.refusal_reason}`);
      return p.refusal_text ? t('pxd.returned', { reason, text: p.refusal_text }) : reason;
    }
    if (p.target_paused) return t('pxd.paused', { kind: t(`case.pause.${p.target_paused}`) });
    return p.result ? t('pxd.result', { result: t(`proxy.result.${p.result}`) }) : '';
  };

  return (
    <section className="card cases" aria-label={t('pxd.title')}>
      <div className="case-head">
        <h2>{t('pxd.title')}</h2>
        <KeyButton label={t('pxd.register')} hotkey="Insert" variant="primary" onPress={() => setRegistering(true)} />
      </div>
      <p className="muted">{t('pxd.hint')}</p>
      {note && <p className="info">{t(note.key, note.vars)}</p>}
      <DataTable
        label={t('pxd.list')}
        rows={proxies}
        rowKey={(p) => p.id}
        rowClass={(p) => `proxy-${proxyStage(p)}`}
        empty={t('pxd.none')}
        className="service-table proxy-table"
        columns={[
          { header: t('pxd.col.number'), rowHeader: true, className: 'mono nowrap', cell: (p) => p.number },
          {
            header: t('pxd.col.applicant'),
            cell: (p) => (
              <>
                {p.applicant_name}
                <span className="sub">{p.item_name ?? p.item_code}</span>
              </>
            ),
          },
          {
            header: t('pxd.col.stage'),
            cell: (p) => (
              <>
                <span className={`badge proxy-stage ${proxyStage(p)}`}>{t(`pxd.stage.${proxyStage(p)}`)}</span>
                <span className="sub">{remarks(p)}</span>
              </>
            ),
          },
          {
            header: t('pxd.col.target'),
            cell: (p) => (
              <>
                {p.target_hall_name ?? '—'}
                {p.target_case_number && <span className="sub mono">{p.target_case_number}</span>}
              </>
            ),
          },
          { header: t('pxd.col.due'), className: 'nowrap', cell: (p) => p.promised_due ?? '—' },
          {
            header: t('pxd.printShort'),
            cell: (p) =>
              noticePrintable(p) && (
                <button
                  type="button"
                  className="btn small"
                  aria-label={t('pxd.print', { number: p.number })}
                  onClick={() => setPrinting(p.id)}
                >
                  {t('case.print')}
                </button>
              ),
          },
        ]}
      />
      {registering && <RegisterProxy counterId={counterId} onDone={registered} onCancel={() => setRegistering(false)} />}
      {printed && (
        <DocumentSheet
          doc={proxyConcludeNotice(printed, point)}
          label={t('pxd.notice', { number: printed.number })}
          fileName={`办结通知书-${printed.number}`}
          sheetLabel={`办结通知书 ${printed.number}`}
          onClose={() => setPrinting(null)}
        />
      )}
    </section>
  );
}

/**
 * 代办收件: an item of this hall's level's proxy list, the applicant, the papers received. The
 * item's name and materials come from this hall's own catalog when it lists the same code; the
 * deciding hall's name for it comes back once delivered.
 */
function RegisterProxy(props: { counterId: string; onDone: (outcome: CommandOutcome<'proxy.register'>) => void; onCancel: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const codes = proxyCatalogCodes(rowsOf(replica, 'region_documents'), rowsOf(replica, 'region_overrides'));
  const local = new Map(rowsOf(replica, 'catalog_items').map((i) => [i.code, i]));
  const [typed, setCode] = useState(codes[0] ?? '');
  // An item taken off the list while the form is open (its administrator refused it) is not sent: the list's first is.
  const code = codes.length > 0 && !codes.includes(typed) ? codes[0]! : typed;
  const { applicant, valid, fields } = useApplicant();
  const listOf = (c: string) => parseList(local.get(c)?.materials ?? '[]').join('\n');
  const [materials, setMaterials] = useState(() => listOf(codes[0] ?? ''));
  const [note, setNote] = useState('');
  const refusedField = typeof error === 'object' ? error?.params?.field : undefined;
  const choose = (c: string) => {
    setCode(c);
    setMaterials(listOf(c));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await api.command('proxy.register', {
      proxyId: crypto.randomUUID(),
      counterId: props.counterId,
      at: hallNow(),
      itemCode: code.trim(),
      applicant,
      materials: materials
        .split('\n')
        .map((m) => m.trim())
        .filter(Boolean),
      note: note.trim(),
    });
    if (check(outcome)) props.onDone(outcome);
  };

  return (
    <Dialog title={t('pxd.register')} onClose={props.onCancel}>
      <form className="dialog-form case-form" onSubmit={submit} aria-label={t('pxd.register')}>
        {codes.length > 0 ? (
          <label>
            {t('pxd.item')}
            <select autoFocus value={code} onChange={(e) => choose(e.target.value)} required>
              <Options items={codes} label={(c) => t('pxd.itemOption', { code: c, name: local.get(c)?.name ?? '' })} />
            </select>
          </label>
        ) : (
          // No catalog on this terminal (not received yet): the code as the hall above names it; the hub checks it against its list.
          <label>
            {t('pxd.itemCode')}
            <input
              autoFocus
              value={code}
              onChange={(e) => choose(e.target.value)}
              maxLength={40}
              required
              aria-invalid={refusedField === 'itemCode' || undefined}
              placeholder={t('pxd.itemCodeHint')}
            />
          </label>
        )}
        <fieldset>
          <legend>{t('case.applicant')}</legend>
          <ApplicantInputs s={fields} refusedField={refusedField} />
        </fieldset>
        <label>
          {t('pxd.materials')}
          <textarea rows={4} value={materials} onChange={(e) => setMaterials(e.target.value)} required />
        </label>
        <label>
          {t('pxd.note')}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary" disabled={!code.trim() || !valid}>
          {t('pxd.registerSubmit')}
        </button>
      </form>
    </Dialog>
  );
}

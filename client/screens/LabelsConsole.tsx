import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { findLots } from '../api/lots';
import {
  approveTemplate,
  diffTemplate,
  emulatorFormats,
  listPrintJobs,
  listPrinters,
  listTemplateVersions,
  previewTemplate,
  printLabels,
  reprintJob,
  resolveJob,
  retireTemplate,
  saveDraft,
  setEmulatorState,
  type EmulatedFormat,
  type PrintJob,
  type Printer,
  type TemplateVersion,
} from '../api/printing';
import { Gs1BarcodePreview } from '../components/Gs1BarcodePreview';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';

/**
 * Labels: the printers and their state, printing and reprinting by lot, the jobs in doubt, and
 * the template versions — drafted by the label admin, approved by QC under a signature, previewed
 * as they will print.
 */
export function LabelsConsole({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const roles = session.user.roles;
  const [printers, setPrinters] = useState<Printer[]>([]);
  const [versions, setVersions] = useState<TemplateVersion[]>([]);
  const [jobs, setJobs] = useState<PrintJob[]>([]);
  const [formats, setFormats] = useState<EmulatedFormat[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));
  const time = (iso: string) => formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds');

  const refresh = useCallback(async () => {
    try {
      const [p, v, j] = await Promise.all([listPrinters(session.token), listTemplateVersions(session.token), listPrintJobs(session.token)]);
      setPrinters(p);
      setVersions(v);
      setJobs(j);
      setFormats(await emulatorFormats(session.token).catch(() => null));
    } catch (e) {
      fail(e);
    }
  }, [session.token]);
  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    // Printer state comes from the spool's ~HS checks: a few seconds of lag is what a person notices anyway.
    const timer = setInterval(() => void refresh(), 3000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      setNotice(done);
      setError(null);
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const askReason = () => window.prompt(t('console.reasonPrompt'))?.trim() || null;

  return (
    <section className="screen labels" data-testid="labels-console">
      <h2>{t('labels.title')}</h2>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="scan-message good" role="status" data-testid="labels-notice">
          {notice}
        </p>
      )}
      <div className="console-columns">
        <div>
          <h3>{t('labels.printers')}</h3>
          <table className="grid" data-testid="printers">
            <tbody>
              {printers.map((p) => (
                <tr key={p.id} className={p.alerting ? 'alerting' : ''}>
                  <td>
                    <strong>{p.name}</strong>
                    <div className="hint">
                      {p.host !== null && `${p.host}:${p.port} · `}
                      {p.dpi} dpi
                    </div>
                  </td>
                  <td>
                    <span className={`status-pill ${p.state === 'ready' ? 'released' : 'on_hold'}`} data-testid={`printer-state-${p.name}`}>
                      {t(`labels.state.${p.state}`)}
                    </span>
                    {p.alerting && p.notReadySince && <div className="form-error">{t('labels.alert', { since: time(p.notReadySince) })}</div>}
                  </td>
                  <td>{t('labels.queue', { queued: p.queued, uncertain: p.uncertain })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {formats && (
            <div className="actions">
              {(
                [
                  ['ready', { online: true, paperOut: false, headOpen: false, paused: false }],
                  ['paperOut', { paperOut: true }],
                  ['headOpen', { headOpen: true }],
                  ['offline', { online: false }],
                ] as const
              ).map(([name, state]) => (
                <button key={name} type="button" className="secondary" onClick={() => void run(() => setEmulatorState(session.token, state), t(`labels.emulator.${name}`))}>
                  {t(`labels.emulator.${name}`)}
                </button>
              ))}
            </div>
          )}
          <PrintForm session={session} printers={printers} versions={versions} onPrinted={(n) => void run(async () => undefined, t('labels.queued', { count: n }))} onError={fail} />
          <h3>{t('labels.jobs')}</h3>
          <table className="grid" data-testid="print-jobs">
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} className={j.status}>
                  <td>{time(j.createdAt)}</td>
                  <td>
                    {j.lotNumber} {j.serial ? `· ${j.serial}` : ''} {j.copies > 1 ? `×${j.copies}` : ''}
                    {j.reprintOf && <div className="hint">{t('labels.reprintOf', { reason: j.reprintReason ?? '' })}</div>}
                  </td>
                  <td>
                    {j.printer} · {j.template} v{j.templateVersion}
                  </td>
                  <td data-testid={`job-status-${j.serial ?? j.id}`}>
                    {t(`labels.status.${j.status}`)}
                    {j.lastError && <div className="hint">{j.lastError}</div>}
                  </td>
                  <td>
                    {j.status === 'uncertain' &&
                      (['printed', 'reprint', 'cancel'] as const).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="secondary"
                          onClick={() => {
                            const reason = askReason();
                            if (reason) void run(() => resolveJob(session.token, j.id, action, reason), t('labels.settled'));
                          }}
                        >
                          {t(`labels.resolve.${action}`)}
                        </button>
                      ))}
                    {j.status === 'printed' && (roles.includes('supervisor') || roles.includes('labeladmin')) && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => {
                          const reason = askReason();
                          if (reason) void run(() => reprintJob(session.token, j.id, reason), t('labels.reprinted'));
                        }}
                      >
                        {t('labels.reprint')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {formats && formats.length > 0 && (
            <>
              <h3>{t('labels.emulatorPrinted')}</h3>
              <div className="label-previews" data-testid="emulator-formats">
                {formats.map((f) => (f.png ? <img key={f.seq} src={`data:image/png;base64,${f.png}`} alt={t('labels.printedLabel', { seq: f.seq })} /> : null))}
              </div>
            </>
          )}
        </div>
        <Templates session={session} versions={versions} run={run} onError={fail} />
      </div>
    </section>
  );
}

function PrintForm({ session, printers, versions, onPrinted, onError }: { session: StoredSession; printers: Printer[]; versions: TemplateVersion[]; onPrinted(count: number): void; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const approved = useMemo(() => versions.filter((v) => v.status === 'approved'), [versions]);
  const [lotNumber, setLotNumber] = useState('');
  const [template, setTemplate] = useState('lot-gs1');
  const [printer, setPrinter] = useState('');
  const [quantity, setQuantity] = useState('1');
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const lots = await findLots(session.token, lotNumber.trim());
      if (lots.length !== 1) throw new ApiError(404, 'not_found', t(lots.length === 0 ? 'lots.notFound' : 'trace.ambiguous', { lot: lotNumber }));
      const queued = await printLabels(session.token, { lotId: lots[0]!.id, template, printer: printer || printers[0]?.name || '', quantity: Number(quantity) });
      onPrinted(queued.jobIds.length);
    } catch (e) {
      onError(e);
    }
  }
  return (
    <form className="sign-form" onSubmit={(e) => void submit(e)} data-testid="print-form">
      <h4>{t('labels.print')}</h4>
      <input aria-label={t('trace.lot')} placeholder={t('qc.findLot')} name="lot" value={lotNumber} onChange={(e) => setLotNumber(e.target.value)} required />
      <select aria-label={t('labels.template')} name="template" value={template} onChange={(e) => setTemplate(e.target.value)}>
        {approved.map((v) => (
          <option key={v.id} value={v.name}>
            {v.name} v{v.version}
          </option>
        ))}
      </select>
      <select aria-label={t('labels.printer')} name="printer" value={printer} onChange={(e) => setPrinter(e.target.value)}>
        {printers.map((p) => (
          <option key={p.id} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
      <input aria-label={t('labels.quantity')} name="quantity" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      <button type="submit" className="primary">
        {t('labels.printButton')}
      </button>
    </form>
  );
}

function Templates({ session, versions, run, onError }: { session: StoredSession; versions: TemplateVersion[]; run(fn: () => Promise<unknown>, done: string): Promise<void>; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const roles = session.user.roles;
  const [selected, setSelected] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ zpl: string; png: string; data: Record<string, unknown> } | null>(null);
  const [changes, setChanges] = useState<{ change: string; path: string; before?: unknown; after?: unknown }[] | null>(null);
  const [draftText, setDraftText] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const version = versions.find((v) => v.id === selected) ?? null;

  useEffect(() => {
    if (!version) return;
    let cancelled = false;
    const previous = versions.find((v) => v.name === version.name && v.version === version.version - 1);
    Promise.all([previewTemplate(session.token, version.id), previous ? diffTemplate(session.token, version.id, previous.id) : Promise.resolve(null)])
      .then(([p, d]) => {
        if (cancelled) return;
        setPreview(p);
        setChanges(d?.changes ?? null);
      })
      .catch(onError);
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new preview only when another version is chosen
  }, [version?.id, session.token]);

  return (
    <div data-testid="templates">
      <h3>{t('labels.templates')}</h3>
      <table className="grid">
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} className={selected === v.id ? 'selected' : ''} onClick={() => setSelected(v.id)}>
              <td>
                <button type="button" className="link" data-testid={`template-${v.name}-v${v.version}`}>
                  {v.name} v{v.version}
                </button>
              </td>
              <td>{v.kind}</td>
              <td>
                <span className={`status-pill ${v.status === 'approved' ? 'released' : v.status === 'draft' ? 'quarantine' : 'rejected'}`}>{t(`labels.templateStatus.${v.status}`)}</span>
              </td>
              <td className="hint">{v.approvedBy ?? v.createdBy ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {version && (
        <div data-testid="template-detail">
          <h4>
            {version.name} v{version.version} · {t(`labels.templateStatus.${version.status}`)}
          </h4>
          <p className="hint">SHA-256 {version.contentHash.slice(0, 16)}…</p>
          {preview && <img className="label-preview" src={`data:image/png;base64,${preview.png}`} alt={t('labels.preview')} data-testid="template-preview" />}
          {preview && <Gs1BarcodePreview data={preview.data} />}
          {changes && (
            <ul className="diff" data-testid="template-diff">
              {changes.length === 0 && <li>{t('labels.noChanges')}</li>}
              {changes.map((c, i) => (
                <li key={i}>
                  <strong>{c.change}</strong> {c.path}: {c.before !== undefined ? JSON.stringify(c.before) : ''} → {c.after !== undefined ? JSON.stringify(c.after) : ''}
                </li>
              ))}
            </ul>
          )}
          {preview && (
            <details>
              <summary>ZPL</summary>
              <pre className="zpl">{preview.zpl}</pre>
            </details>
          )}
          <div className="actions">
            {roles.includes('labeladmin') && (
              <button type="button" className="secondary" onClick={() => setDraftText(JSON.stringify(version.definition, null, 2))} data-testid="new-draft">
                {t('labels.newDraft')}
              </button>
            )}
            {version.status !== 'retired' && (roles.includes('labeladmin') || roles.includes('qc')) && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  const why = window.prompt(t('console.reasonPrompt'))?.trim();
                  if (why) void run(() => retireTemplate(session.token, version.id, why), t('labels.retired'));
                }}
              >
                {t('labels.retire')}
              </button>
            )}
          </div>
          {version.status === 'draft' && roles.includes('qc') && (
            <form
              className="sign-form"
              data-testid="approve-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => approveTemplate(session.token, version.id, password, reason.trim()), t('labels.approved')).then(() => setPassword(''));
              }}
            >
              <h4>{t('labels.approveTitle')}</h4>
              <textarea name="reason" required placeholder={t('qc.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
              <input name="password" type="password" required placeholder={t('qc.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              <p className="hint">{t('qc.signNotice', { name: session.user.displayName })}</p>
              <button type="submit" className="primary">
                {t('labels.approve')}
              </button>
            </form>
          )}
        </div>
      )}
      {draftText !== null && (
        <form
          className="sign-form"
          data-testid="draft-form"
          onSubmit={(e) => {
            e.preventDefault();
            let parsed: unknown;
            try {
              parsed = JSON.parse(draftText);
            } catch {
              onError(new Error(t('labels.badJson')));
              return;
            }
            void run(() => saveDraft(session.token, parsed), t('labels.drafted')).then(() => setDraftText(null));
          }}
        >
          <h4>{t('labels.draftTitle')}</h4>
          <textarea className="template-json" name="definition" value={draftText} onChange={(e) => setDraftText(e.target.value)} spellCheck={false} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('labels.saveDraft')}
            </button>
            <button type="button" className="secondary" onClick={() => setDraftText(null)}>
              {t('labels.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

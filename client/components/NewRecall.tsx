import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFECTIVENESS_LEVELS, FDA_CLASSES, JURISDICTIONS, NMPA_CLASSES, RECALL_DEPTHS, openingGaps, recallMeanings, type EffectivenessLevel, type FdaClass, type Jurisdiction, type NmpaClass, type RecallDepth } from '../../domain/recall';
import { ApiError } from '../api/client';
import { createRecall, openRecall, previewScope, type RecallCase, type ScopePreview } from '../api/recalls';
import { useWedgeScan } from '../scanning/useWedgeScan';
import { emptyRecallForm, fieldProblems, recallBody, scopeFromScan, scopeInputOf, termsOfBody, type FieldProblem, type RecallForm, type ScopeFields, type ScopeKind } from '../screens/recall-form';
import type { StoredSession } from '../session/session';
import { RecallScope } from './RecallScope';
import { SignForm, type Signature } from './SignForm';

const SCOPE_KINDS: readonly ScopeKind[] = ['lot', 'component_lot', 'serial', 'supplier_lot'];

interface Props {
  session: StoredSession;
  /** A case was written: a draft, an opened case, or a draft whose opening the server then refused (with why). */
  onSaved(made: RecallCase, refusal: string | null): void;
}

/** A new recall: its terms, the one input its scope comes from (typed or scanned), a preview of that scope, then a draft or a signed opening. */
export function NewRecall({ session, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<RecallForm>(emptyRecallForm);
  const [preview, setPreview] = useState<ScopePreview | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof RecallForm>(key: K, value: RecallForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setScope = (change: Partial<ScopeFields>) => {
    setForm((f) => ({ ...f, scope: { ...f.scope, ...change } }));
    setPreview(null);
  };
  const toggle = (j: Jurisdiction, on: boolean) => set('jurisdictions', JURISDICTIONS.filter((x) => (x === j ? on : form.jurisdictions.includes(x))));

  const refused = (e: unknown) => {
    if (!(e instanceof ApiError)) return setError(String(e));
    const byField = fieldProblems(e);
    setProblems(byField);
    setError(byField.length > 0 ? t('recall.form.fix') : e.message);
  };

  async function look(fields: ScopeFields) {
    const scope = scopeInputOf(fields);
    if (!scope) return setProblems([{ field: 'scope', code: 'required', message: '' }]);
    setBusy(true);
    try {
      setPreview(await previewScope(session.token, scope));
      setProblems((ps) => ps.filter((p) => p.field !== 'scope'));
      setError(null);
    } catch (e) {
      setPreview(null);
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  useWedgeScan((scan) => {
    const fields = scopeFromScan(scan);
    if (!fields) return setProblems([{ field: 'scope', code: 'not_a_label', message: '' }]);
    const scanned = { ...fields, family: form.scope.family };
    setForm((f) => ({ ...f, scope: scanned }));
    void look(scanned);
  });

  /** Writes the draft, and opens it when signed; the opening's gaps are judged first so a case that cannot open is not left behind as a draft. */
  async function save(signature: Signature | null): Promise<boolean> {
    const scope = scopeInputOf(form.scope);
    if (!scope) {
      setProblems([{ field: 'scope', code: 'required', message: '' }]);
      return false;
    }
    const body = recallBody(form, scope);
    if (signature) {
      const gaps = openingGaps(termsOfBody(body));
      if (gaps.length > 0) {
        setProblems(gaps);
        setError(t('recall.form.fix'));
        return false;
      }
    }
    setBusy(true);
    let made: RecallCase | null = null;
    try {
      const created = await createRecall(session.token, body);
      made = created.case;
      if (created.joined) {
        onSaved(made, t('recall.joined', { number: made.number }));
        return true;
      }
      if (signature) made = (await openRecall(session.token, made.id, { ...signature, version: made.version })).case;
      onSaved(made, null);
      return true;
    } catch (e) {
      if (made) onSaved(made, e instanceof ApiError ? e.message : String(e));
      else refused(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const explain = (p: FieldProblem) => {
    const key = `recall.problems.${p.field}.${p.code}`;
    return i18n.exists(key) ? t(key) : p.message;
  };
  const shown = (field: string): ReactNode => {
    const mine = problems.filter((p) => p.field === field);
    if (mine.length === 0) return null;
    return (
      <span className="field-problem" id={`problem-${field}`} data-testid={`problem-${field}`}>
        {mine.map(explain).join(' ')}
      </span>
    );
  };
  const described = (field: string) => (problems.some((p) => p.field === field) ? { 'aria-invalid': true, 'aria-describedby': `problem-${field}` } : {});

  return (
    <div className="recall-form" data-testid="new-recall">
      <h3>{t('recall.form.title')}</h3>
      {error && (
        <p className="scan-message error" role="alert" data-testid="recall-form-error">
          {error}
        </p>
      )}
      <fieldset>
        <legend>{t('recall.form.terms')}</legend>
        <label>
          <span className="field-label">{t('recall.form.reason')}</span>
          <textarea name="reason" value={form.reason} onChange={(e) => set('reason', e.target.value)} {...described('reason')} />
          {shown('reason')}
        </label>
        <label>
          <span className="field-label">{t('recall.form.healthHazard')}</span>
          <textarea name="healthHazard" value={form.healthHazard} onChange={(e) => set('healthHazard', e.target.value)} {...described('healthHazard')} />
          {shown('healthHazard')}
        </label>
        <label>
          <span className="field-label">{t('recall.form.strategy')}</span>
          <textarea name="strategy" value={form.strategy} onChange={(e) => set('strategy', e.target.value)} {...described('strategy')} />
          {shown('strategy')}
        </label>
        <label>
          <span className="field-label">{t('recall.form.depth')}</span>
          <select name="depth" value={form.depth} onChange={(e) => set('depth', e.target.value as RecallDepth | '')} {...described('depth')}>
            <option value="">{t('recall.form.choose')}</option>
            {RECALL_DEPTHS.map((d) => (
              <option key={d} value={d}>
                {t(`recall.depth.${d}`)}
              </option>
            ))}
          </select>
          {shown('depth')}
        </label>
        <label className="check">
          <input type="checkbox" name="drill" checked={form.drill} onChange={(e) => set('drill', e.target.checked)} /> {t('recall.form.drill')}
        </label>
      </fieldset>
      <fieldset {...described('jurisdictions')}>
        <legend>{t('recall.form.jurisdictions')}</legend>
        {shown('jurisdictions')}
        <div className="jurisdiction-row">
          <label className="check">
            <input type="checkbox" name="jurisdiction-US" checked={form.jurisdictions.includes('US')} onChange={(e) => toggle('US', e.target.checked)} /> {t('recall.jurisdiction.US')}
          </label>
          <label>
            <span className="field-label">{t('recall.form.fdaClass')}</span>
            <select name="fda" value={form.fda} disabled={!form.jurisdictions.includes('US')} onChange={(e) => set('fda', e.target.value as FdaClass | '')} {...described('classes.fda')}>
              <option value="">{t('recall.form.choose')}</option>
              {FDA_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {t('recall.class.fda', { class: c })}
                </option>
              ))}
            </select>
            {shown('classes.fda')}
          </label>
        </div>
        <div className="jurisdiction-row">
          <label className="check">
            <input type="checkbox" name="jurisdiction-CN" checked={form.jurisdictions.includes('CN')} onChange={(e) => toggle('CN', e.target.checked)} /> {t('recall.jurisdiction.CN')}
          </label>
          <label>
            <span className="field-label">{t('recall.form.nmpaClass')}</span>
            <select name="nmpa" value={form.nmpa} disabled={!form.jurisdictions.includes('CN')} onChange={(e) => set('nmpa', e.target.value === '' ? '' : (Number(e.target.value) as NmpaClass))} {...described('classes.nmpa')}>
              <option value="">{t('recall.form.choose')}</option>
              {NMPA_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {t(`recall.class.nmpa${c}`)}
                </option>
              ))}
            </select>
            {shown('classes.nmpa')}
          </label>
        </div>
        <div className="jurisdiction-row">
          <label className="check">
            <input type="checkbox" name="jurisdiction-EU" checked={form.jurisdictions.includes('EU')} onChange={(e) => toggle('EU', e.target.checked)} /> {t('recall.jurisdiction.EU')}
          </label>
          <label className="check">
            <input type="checkbox" name="euFsca" checked={form.euFsca} disabled={!form.jurisdictions.includes('EU')} onChange={(e) => set('euFsca', e.target.checked)} {...described('classes.euFsca')} /> {t('recall.form.euFsca')}
            {shown('classes.euFsca')}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('recall.form.effectiveness')}</legend>
        <div className="jurisdiction-row">
          <label>
            <span className="field-label">{t('recall.form.level')}</span>
            <select name="level" value={form.level} onChange={(e) => set('level', e.target.value as EffectivenessLevel | '')} {...described('effectiveness')}>
              <option value="">{t('recall.form.choose')}</option>
              {EFFECTIVENESS_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`recall.level.${l}`)}
                </option>
              ))}
            </select>
            {shown('effectiveness')}
            {shown('effectiveness.level')}
          </label>
          <label>
            <span className="field-label">{t('recall.form.percent')}</span>
            <input name="percent" inputMode="numeric" value={form.percent} disabled={form.level !== 'B'} onChange={(e) => set('percent', e.target.value)} {...described('effectiveness.percent')} />
            {shown('effectiveness.percent')}
          </label>
        </div>
      </fieldset>
      <fieldset {...described('scope')}>
        <legend>{t('recall.form.scope')}</legend>
        <p className="hint">{t('recall.form.scanHint')}</p>
        <div className="jurisdiction-row">
          <label>
            <span className="field-label">{t('recall.form.scopeKind')}</span>
            <select name="scopeKind" value={form.scope.kind} onChange={(e) => setScope({ kind: e.target.value as ScopeKind })}>
              {SCOPE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`recall.scopeKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {form.scope.kind === 'serial' ? (
            <label>
              <span className="field-label">{t('recall.form.serial')}</span>
              <input name="serial" autoComplete="off" value={form.scope.serial} onChange={(e) => setScope({ serial: e.target.value })} />
            </label>
          ) : form.scope.kind === 'supplier_lot' ? (
            <>
              <label>
                <span className="field-label">{t('recall.form.supplierLot')}</span>
                <input name="supplierLot" autoComplete="off" value={form.scope.supplierLot} onChange={(e) => setScope({ supplierLot: e.target.value })} />
              </label>
              <label>
                <span className="field-label">{t('recall.form.supplier')}</span>
                <input name="supplier" autoComplete="off" value={form.scope.supplier} onChange={(e) => setScope({ supplier: e.target.value })} />
              </label>
            </>
          ) : (
            <label>
              <span className="field-label">{t('recall.form.lotNumber')}</span>
              <input name="lotNumber" autoComplete="off" value={form.scope.lotNumber} onChange={(e) => setScope({ lotNumber: e.target.value })} />
            </label>
          )}
          <label>
            <span className="field-label">{form.scope.kind === 'serial' ? t('recall.form.gtin') : t('recall.form.gtinOptional')}</span>
            <input name="gtin" inputMode="numeric" autoComplete="off" value={form.scope.gtin} onChange={(e) => setScope({ gtin: e.target.value })} />
          </label>
        </div>
        <label className="check">
          <input type="checkbox" name="family" checked={form.scope.family} onChange={(e) => setScope({ family: e.target.checked })} /> {t('recall.form.family')}
        </label>
        {shown('scope')}
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={() => void look(form.scope)} data-testid="recall-preview">
            {t('recall.form.preview')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void save(null)} data-testid="recall-save-draft">
            {t('recall.form.saveDraft')}
          </button>
        </div>
      </fieldset>
      {preview && (
        <>
          <RecallScope scope={preview} />
          <SignForm title={t('recall.form.openTitle')} meanings={recallMeanings('open')} signer={session.user.displayName} submitLabel={t('recall.action.open')} busy={busy} testId="recall-open-form" onSign={(s) => save(s)} />
        </>
      )}
    </div>
  );
}

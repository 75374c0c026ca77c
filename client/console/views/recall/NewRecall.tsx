import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFECTIVENESS_LEVELS, FDA_CLASSES, JURISDICTIONS, NMPA_CLASSES, RECALL_DEPTHS, openingGaps, recallMeanings, type Jurisdiction } from '../../../../domain/recall';
import { ApiError } from '../../../api/client';
import { createRecall, openRecall, previewScope, type RecallCase, type ScopePreview as Preview } from '../../../api/recalls';
import { failureText } from '../../../hooks/useApiRead';
import { useWedgeScan } from '../../../scanning/useWedgeScan';
import { emptyRecallForm, fieldProblems, recallBody, scopeFromScan, scopeInputOf, termsOfBody, type FieldProblem, type RecallForm, type ScopeFields, type ScopeKind } from '../../../screens/recall-form';
import type { StoredSession } from '../../../session/session';
import { SignatureItems } from '../../SignatureItems';
import { ScopePreview } from './ScopePreview';
import type { Signature } from './SignModal';

const SCOPE_KINDS: readonly ScopeKind[] = ['lot', 'component_lot', 'serial', 'supplier_lot'];

interface Props {
  session: StoredSession;
  /** A case was written: a draft, an opened case, or a draft whose opening the server then refused (with why). */
  onSaved(made: RecallCase, refusal: string | null): void;
}

/**
 * A new recall: its terms, the one input its scope comes from (typed or scanned), a preview of that
 * scope, then a draft or a signed opening. The rules live in the domain and on the server; each
 * refusal comes back at the field it concerns.
 */
export function NewRecall({ session, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<RecallForm>(emptyRecallForm);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signForm] = Form.useForm<Signature>();

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
      if ('joined' in created) {
        onSaved(made, t('recall.joined', { number: made.number }));
        return true;
      }
      if (signature) made = (await openRecall(session.token, made.id, { ...signature, version: made.version })).case;
      onSaved(made, null);
      return true;
    } catch (e) {
      if (made) onSaved(made, failureText(e));
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
  /** Where a field's problems show: Ant Design's error state and help line, found by tests as `problem-<field>`. */
  const status = (...fields: string[]) => {
    const mine = problems.filter((p) => fields.includes(p.field));
    if (mine.length === 0) return {};
    return {
      validateStatus: 'error' as const,
      help: (
        <span id={`problem-${fields[0]}`} data-testid={`problem-${fields[0]}`}>
          {mine.map(explain).join(' ')}
        </span>
      ),
    };
  };
  const scope = form.scope;

  return (
    <Card className="console-card" title={t('recall.form.title')} data-testid="new-recall">
      {error && (
        <div data-testid="recall-form-error" className="console-alert">
          <Alert type="error" role="alert" showIcon title={error} />
        </div>
      )}
      <Form layout="vertical" component="div">
        <Typography.Title level={4}>{t('recall.form.terms')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Form.Item label={t('recall.form.reason')} {...status('reason')} htmlFor="recall-reason">
              <Input.TextArea id="recall-reason" name="reason" autoSize={{ minRows: 2, maxRows: 6 }} value={form.reason} onChange={(e) => set('reason', e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item label={t('recall.form.healthHazard')} {...status('healthHazard')} htmlFor="recall-healthHazard">
              <Input.TextArea id="recall-healthHazard" name="healthHazard" autoSize={{ minRows: 2, maxRows: 6 }} value={form.healthHazard} onChange={(e) => set('healthHazard', e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item label={t('recall.form.strategy')} {...status('strategy')} htmlFor="recall-strategy">
              <Input.TextArea id="recall-strategy" name="strategy" autoSize={{ minRows: 2, maxRows: 6 }} value={form.strategy} onChange={(e) => set('strategy', e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item label={t('recall.form.depth')} {...status('depth')}>
              <Radio.Group name="depth" optionType="button" value={form.depth} onChange={(e) => set('depth', e.target.value)} options={RECALL_DEPTHS.map((d) => ({ value: d, label: t(`recall.depth.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item label=" " colon={false}>
              <Checkbox name="drill" checked={form.drill} onChange={(e) => set('drill', e.target.checked)}>
                {t('recall.form.drill')}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={4}>{t('recall.form.jurisdictions')}</Typography.Title>
        <Form.Item {...status('jurisdictions')} className="recall-jurisdictions">
          <Row gutter={[16, 8]}>
            <Col xs={24} md={8}>
              <Checkbox name="jurisdiction-US" checked={form.jurisdictions.includes('US')} onChange={(e) => toggle('US', e.target.checked)}>
                {t('recall.jurisdiction.US')}
              </Checkbox>
              <Form.Item label={t('recall.form.fdaClass')} {...status('classes.fda')}>
                <Radio.Group name="fda" optionType="button" disabled={!form.jurisdictions.includes('US')} value={form.fda} onChange={(e) => set('fda', e.target.value)} options={FDA_CLASSES.map((c) => ({ value: c, label: t('recall.class.fda', { class: c }) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Checkbox name="jurisdiction-CN" checked={form.jurisdictions.includes('CN')} onChange={(e) => toggle('CN', e.target.checked)}>
                {t('recall.jurisdiction.CN')}
              </Checkbox>
              <Form.Item label={t('recall.form.nmpaClass')} {...status('classes.nmpa')}>
                <Radio.Group name="nmpa" optionType="button" disabled={!form.jurisdictions.includes('CN')} value={form.nmpa} onChange={(e) => set('nmpa', e.target.value)} options={NMPA_CLASSES.map((c) => ({ value: c, label: t(`recall.class.nmpa${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Checkbox name="jurisdiction-EU" checked={form.jurisdictions.includes('EU')} onChange={(e) => toggle('EU', e.target.checked)}>
                {t('recall.jurisdiction.EU')}
              </Checkbox>
              <Form.Item {...status('classes.euFsca')}>
                <Checkbox name="euFsca" checked={form.euFsca} disabled={!form.jurisdictions.includes('EU')} onChange={(e) => set('euFsca', e.target.checked)}>
                  {t('recall.form.euFsca')}
                </Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>

        <Typography.Title level={4}>{t('recall.form.effectiveness')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Form.Item label={t('recall.form.level')} {...status('effectiveness', 'effectiveness.level')}>
              <Radio.Group name="level" value={form.level} onChange={(e) => set('level', e.target.value)} options={EFFECTIVENESS_LEVELS.map((l) => ({ value: l, label: t(`recall.level.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item label={t('recall.form.percent')} {...status('effectiveness.percent')} htmlFor="recall-percent">
              <Input id="recall-percent" name="percent" inputMode="numeric" value={form.percent} disabled={form.level !== 'B'} onChange={(e) => set('percent', e.target.value)} style={{ maxWidth: 160 }} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={4}>{t('recall.form.scope')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('recall.form.scanHint')}</Typography.Paragraph>
        <Form.Item label={t('recall.form.scopeKind')} {...status('scope')}>
          <Radio.Group name="scopeKind" optionType="button" value={scope.kind} onChange={(e) => setScope({ kind: e.target.value })} options={SCOPE_KINDS.map((k) => ({ value: k, label: t(`recall.scopeKind.${k}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          {scope.kind === 'serial' ? (
            <Col xs={24} md={8}>
              <Form.Item label={t('recall.form.serial')} htmlFor="recall-serial">
                <Input id="recall-serial" name="serial" autoComplete="off" value={scope.serial} onChange={(e) => setScope({ serial: e.target.value })} />
              </Form.Item>
            </Col>
          ) : scope.kind === 'supplier_lot' ? (
            <>
              <Col xs={24} md={8}>
                <Form.Item label={t('recall.form.supplierLot')} htmlFor="recall-supplierLot">
                  <Input id="recall-supplierLot" name="supplierLot" autoComplete="off" value={scope.supplierLot} onChange={(e) => setScope({ supplierLot: e.target.value })} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('recall.form.supplier')} htmlFor="recall-supplier">
                  <Input id="recall-supplier" name="supplier" autoComplete="off" value={scope.supplier} onChange={(e) => setScope({ supplier: e.target.value })} />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24} md={8}>
              <Form.Item label={t('recall.form.lotNumber')} htmlFor="recall-lotNumber">
                <Input id="recall-lotNumber" name="lotNumber" autoComplete="off" value={scope.lotNumber} onChange={(e) => setScope({ lotNumber: e.target.value })} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item label={scope.kind === 'serial' ? t('recall.form.gtin') : t('recall.form.gtinOptional')} htmlFor="recall-gtin">
              <Input id="recall-gtin" name="gtin" inputMode="numeric" autoComplete="off" value={scope.gtin} onChange={(e) => setScope({ gtin: e.target.value })} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item>
          <Checkbox name="family" checked={scope.family} onChange={(e) => setScope({ family: e.target.checked })}>
            {t('recall.form.family')}
          </Checkbox>
        </Form.Item>
        <Space wrap>
          <Button loading={busy} onClick={() => void look(form.scope)} data-testid="recall-preview">
            {t('recall.form.preview')}
          </Button>
          <Button loading={busy} onClick={() => void save(null)} data-testid="recall-save-draft">
            {t('recall.form.saveDraft')}
          </Button>
        </Space>
      </Form>
      {preview && (
        <>
          <ScopePreview scope={preview} />
          <Card size="small" className="console-card recall-open-card" title={t('recall.form.openTitle')} data-testid="recall-open-form">
            <Form<Signature>
              form={signForm}
              layout="vertical"
              initialValues={{ meaning: recallMeanings('open')[0] }}
              onFinish={async (signature) => {
                await save({ ...signature, reason: signature.reason.trim() });
                signForm.setFieldValue('password', '');
              }}
            >
              <SignatureItems meanings={recallMeanings('open')} signer={session.user.displayName} submitLabel={t('recall.action.open')} busy={busy} />
            </Form>
          </Card>
        </>
      )}
    </Card>
  );
}

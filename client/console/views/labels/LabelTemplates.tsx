import { Alert, Button, Card, Collapse, Descriptions, Drawer, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveTemplate, diffTemplate, previewTemplate, retireTemplate, saveDraft, type TemplateVersion } from '../../../api/printing';
import { Gs1BarcodePreview } from '../../../components/Gs1BarcodePreview';
import type { StoredSession } from '../../../session/session';
import { ConsoleTable } from '../../ConsoleTable';
import { filtersOf } from '../../filters';
import { ReasonModal } from '../../ReasonModal';
import { TemplateItems } from './TemplateItems';

type Run = (fn: () => Promise<unknown>, done: string) => Promise<boolean>;
const STATUS_COLOR = { approved: 'green', draft: 'gold', retired: 'default' } as const;

/**
 * Template versions: drafted by the label admin, approved by QC under a signature, previewed as
 * they will print, with what changed from the version before. A version opens in a drawer.
 */
export function LabelTemplates({ session, versions, run, onError }: { session: StoredSession; versions: TemplateVersion[]; run: Run; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const roles = session.user.roles;
  const [selected, setSelected] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ zpl: string; png: string; data: Record<string, unknown> } | null>(null);
  const [changes, setChanges] = useState<{ change: string; path: string; before?: unknown; after?: unknown }[] | null>(null);
  const [draftText, setDraftText] = useState<string | null>(null);
  const [retiring, setRetiring] = useState(false);
  const [approveForm] = Form.useForm<{ reason: string; password: string }>();
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

  const choose = (id: string) => {
    setPreview(null);
    setChanges(null);
    setSelected(id);
  };

  return (
    <div data-testid="templates">
      <ConsoleTable<TemplateVersion>
        name="template-table"
        title={t('labels.templates')}
        rowKey="id"
        dataSource={versions}
        minWidth={560}
        columns={[
          {
            key: 'version',
            title: t('labels.template'),
            render: (_, v) => (
              <Button type="link" size="small" onClick={() => choose(v.id)} data-testid={`template-${v.name}-v${v.version}`}>
                {v.name} v{v.version}
              </Button>
            ),
            sorter: (a, b) => a.name.localeCompare(b.name) || a.version - b.version,
          },
          { key: 'kind', title: 'ZPL / layout', dataIndex: 'kind' },
          {
            key: 'status',
            title: t('console.status'),
            render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{t(`labels.templateStatus.${v.status}`)}</Tag>,
            filters: filtersOf(versions, (v) => v.status, (s) => t(`labels.templateStatus.${s}`)),
            onFilter: (s, v) => v.status === s,
          },
          { key: 'by', title: t('console.user'), render: (_, v) => v.approvedBy ?? v.createdBy ?? '—' },
        ]}
      />
      <Drawer open={version !== null} onClose={() => setSelected(null)} size={720} title={version ? `${version.name} v${version.version} · ${t(`labels.templateStatus.${version.status}`)}` : ''}>
        {version && (
          <div data-testid="template-detail">
            <Descriptions column={1} size="small" bordered className="console-card">
              <Descriptions.Item label="SHA-256">
                <Typography.Text code>{version.contentHash.slice(0, 16)}…</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('console.user')}>{version.approvedBy ?? version.createdBy ?? '—'}</Descriptions.Item>
            </Descriptions>
            {preview && <img className="console-label-preview" src={`data:image/png;base64,${preview.png}`} alt={t('labels.preview')} data-testid="template-preview" />}
            {preview && <Gs1BarcodePreview data={preview.data} />}
            {changes && (
              <List
                size="small"
                bordered
                className="console-card"
                data-testid="template-diff"
                dataSource={changes.length === 0 ? [null] : changes}
                renderItem={(c) => (
                  <List.Item>
                    {c === null ? (
                      t('labels.noChanges')
                    ) : (
                      <span>
                        <strong>{c.change}</strong> {c.path}: {c.before !== undefined ? JSON.stringify(c.before) : ''} → {c.after !== undefined ? JSON.stringify(c.after) : ''}
                      </span>
                    )}
                  </List.Item>
                )}
              />
            )}
            {preview && <Collapse size="small" className="console-card" items={[{ key: 'zpl', label: 'ZPL', children: <pre className="console-zpl">{preview.zpl}</pre> }]} />}
            <Space wrap className="console-card">
              {roles.includes('labeladmin') && (
                <Button onClick={() => setDraftText(JSON.stringify(version.definition, null, 2))} data-testid="new-draft">
                  {t('labels.newDraft')}
                </Button>
              )}
              {version.status !== 'retired' && (roles.includes('labeladmin') || roles.includes('qc')) && (
                <Button danger onClick={() => setRetiring(true)}>
                  {t('labels.retire')}
                </Button>
              )}
            </Space>
            <TemplateItems session={session} template={version.name} />
            {version.status === 'draft' && roles.includes('qc') && (
              <Card size="small" title={t('labels.approveTitle')} className="console-card">
                <Form
                  form={approveForm}
                  layout="vertical"
                  data-testid="approve-form"
                  onFinish={({ reason, password }) =>
                    void run(() => approveTemplate(session.token, version.id, password, reason.trim()), t('labels.approved')).then((ok) => {
                      // Approved: the version is done with; refused: the signature is entered again.
                      if (ok) setSelected(null);
                      approveForm.setFieldValue('password', '');
                    })
                  }
                >
                  <Form.Item name="reason" label={t('qc.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.required') }, { max: 2000 }]}>
                    <Input.TextArea name="reason" autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                  <Form.Item name="password" label={t('qc.password')} rules={[{ required: true, message: t('consoleForm.required') }]}>
                    <Input.Password name="password" autoComplete="current-password" />
                  </Form.Item>
                  <Alert type="info" title={t('qc.signNotice', { name: session.user.displayName })} className="console-alert" />
                  <Button type="primary" htmlType="submit">
                    {t('labels.approve')}
                  </Button>
                </Form>
              </Card>
            )}
          </div>
        )}
      </Drawer>
      <Drawer open={draftText !== null} onClose={() => setDraftText(null)} size={720} title={t('labels.draftTitle')}>
        <Form
          layout="vertical"
          data-testid="draft-form"
          onFinish={() => {
            let parsed: unknown;
            try {
              parsed = JSON.parse(draftText ?? '');
            } catch {
              onError(new Error(t('labels.badJson')));
              return;
            }
            void run(() => saveDraft(session.token, parsed), t('labels.drafted')).then((ok) => {
              if (!ok) return;
              setDraftText(null);
              setSelected(null);
            });
          }}
        >
          <Form.Item label="JSON">
            <Input.TextArea name="definition" value={draftText ?? ''} onChange={(e) => setDraftText(e.target.value)} spellCheck={false} autoSize={{ minRows: 16, maxRows: 30 }} className="console-json" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('labels.saveDraft')}
            </Button>
            <Button onClick={() => setDraftText(null)}>{t('labels.cancel')}</Button>
          </Space>
        </Form>
      </Drawer>
      <ReasonModal
        open={retiring}
        title={t('labels.retire')}
        onClose={() => setRetiring(false)}
        onReason={async (why) => {
          if (version) await run(() => retireTemplate(session.token, version.id, why), t('labels.retired'));
          setRetiring(false);
        }}
      />
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cachedGet } from '../api/cached';
import type { LotlineDatabase } from '../db/database';
import { uuidv7 } from '../util/uuid';

interface PrinterChoice {
  name: string;
  state: string;
}

export interface LabelChoice {
  printer: string;
  template: string;
  quantity: number;
}

/** Which printer, which template and how many labels: remembered per device, usable offline. */
export function useLabelChoice(token: string): [LabelChoice, (patch: Partial<LabelChoice>) => void, { printers: PrinterChoice[]; templates: string[] }] {
  const [printers, setPrinters] = useState<PrinterChoice[]>([]);
  const [templates, setTemplates] = useState<string[]>([]);
  const [choice, setChoice] = useState<LabelChoice>(() => {
    const saved = JSON.parse(localStorage.getItem('lotline.labelChoice') ?? '{}') as Partial<LabelChoice>;
    return { printer: saved.printer ?? '', template: saved.template ?? 'lot-gs1', quantity: 0 };
  });
  useEffect(() => {
    void cachedGet<PrinterChoice>(token, '/api/printers', 'printers', (b) => (b as { printers: PrinterChoice[] }).printers).then(setPrinters);
    void cachedGet<string>(token, '/api/templates', 'templates', (b) =>
      [...new Set((b as { templates: { name: string; status: string }[] }).templates.filter((t) => t.status === 'approved').map((t) => t.name))].sort(),
    ).then(setTemplates);
  }, [token]);
  const update = (patch: Partial<LabelChoice>) =>
    setChoice((c) => {
      const next = { ...c, ...patch };
      localStorage.setItem('lotline.labelChoice', JSON.stringify({ printer: next.printer, template: next.template }));
      return next;
    });
  const resolved = { ...choice, printer: choice.printer || printers[0]?.name || '' };
  return [resolved, update, { printers, templates }];
}

export function LabelChoiceFields({ choice, update, options }: { choice: LabelChoice; update(patch: Partial<LabelChoice>): void; options: { printers: PrinterChoice[]; templates: string[] } }) {
  const { t } = useTranslation();
  if (options.printers.length === 0) return null;
  return (
    <fieldset className="label-choice" data-testid="label-choice">
      <legend>{t('printing.labels')}</legend>
      <label>
        <span className="field-label">{t('printing.count')}</span>
        <input name="labelCount" inputMode="numeric" value={choice.quantity || ''} placeholder="0" onChange={(e) => update({ quantity: Math.max(0, Math.min(1000, Math.floor(Number(e.target.value) || 0))) })} />
      </label>
      <label>
        <span className="field-label">{t('labels.printer')}</span>
        <select name="labelPrinter" value={choice.printer} onChange={(e) => update({ printer: e.target.value })}>
          {options.printers.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t('labels.template')}</span>
        <select name="labelTemplate" value={choice.template} onChange={(e) => update({ template: e.target.value })}>
          {options.templates.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/**
 * Queues a print op beside the op it belongs to: offline it waits in the queue like any op, and
 * the server's spool prints it (and makes the serials) when it syncs.
 */
export async function queueLabels(db: LotlineDatabase, who: { deviceId: string; userId: string }, lot: { gtin: string; lotNumber: string } | { producedBy: string }, choice: LabelChoice): Promise<void> {
  if (choice.quantity < 1 || !choice.printer) return;
  await db.ops.insert({
    id: uuidv7(),
    type: 'print',
    deviceId: who.deviceId,
    userId: who.userId,
    deviceTime: new Date().toISOString(),
    payload: { ...lot, template: choice.template, printer: choice.printer, quantity: choice.quantity },
    status: 'queued',
    outcome: null,
    appliedAt: null,
  });
}

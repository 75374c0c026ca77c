import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterDoc, TemplateDoc } from '../../sync';
import type { LotlineDatabase } from '../db/database';
import { useSync } from '../sync/SyncContext';
import { queueOp } from '../sync/queue-op';
import { PrinterField } from './PrinterField';

type PrinterChoice = Pick<PrinterDoc, 'name' | 'state'>;

export interface LabelChoice {
  printer: string;
  template: string;
  quantity: number;
}

/** Which printer, which template and how many labels: from the replicated printers and approved templates, so it works offline. */
export function useLabelChoice(): [LabelChoice, (patch: Partial<LabelChoice>) => void, { printers: PrinterChoice[]; templates: string[] }] {
  const { db } = useSync();
  const [printers, setPrinters] = useState<PrinterChoice[]>([]);
  const [templates, setTemplates] = useState<string[]>([]);
  // Read when the lists change rather than through live queries: they change seldom, and live
  // queries on a scanning screen cost every scan a render.
  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    const load = () =>
      void Promise.all([db.printers.find().exec(), db.templates.find().exec()]).then(([p, v]) => {
        if (cancelled) return;
        setPrinters(p.map((d) => d.toJSON() as PrinterDoc).sort((a, b) => a.name.localeCompare(b.name)));
        setTemplates([...new Set(v.map((d) => (d.toJSON() as TemplateDoc).name))].sort());
      });
    load();
    const subs = [db.printers.$.subscribe(load), db.templates.$.subscribe(load)];
    return () => {
      cancelled = true;
      subs.forEach((s) => s.unsubscribe());
    };
  }, [db]);
  const [choice, setChoice] = useState<LabelChoice>(() => {
    const saved = JSON.parse(localStorage.getItem('lotline.labelChoice') ?? '{}') as Partial<LabelChoice>;
    return { printer: saved.printer ?? '', template: saved.template ?? 'lot-gs1', quantity: 0 };
  });
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
      <PrinterField name="labelPrinter" value={choice.printer} printers={options.printers} onChange={(printer) => update({ printer })} />
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
  await queueOp(db, { deviceId: who.deviceId, userId: who.userId }, 'print', { ...lot, template: choice.template, printer: choice.printer, quantity: choice.quantity });
}

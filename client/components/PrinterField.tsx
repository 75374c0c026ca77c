import { useTranslation } from 'react-i18next';
import type { PrinterDoc } from '../../sync';

/**
 * The printer a label goes to, from the replicated printers (so it works offline): one field for
 * lot labels, new cases and pallets, and reprinted logistic labels alike.
 */
export function PrinterField({ name, value, printers, onChange }: { name: string; value: string; printers: readonly Pick<PrinterDoc, 'name'>[]; onChange(printer: string): void }) {
  const { t } = useTranslation();
  return (
    <label>
      <span className="field-label">{t('labels.printer')}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {printers.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

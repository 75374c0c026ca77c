import { useTranslation } from 'react-i18next';
import type { CheckedConsignee } from '../../domain/recall';

/** Which drawn consignee a contact or a check is about. */
export function ConsigneeField({ name, consignees, value, onChange }: { name: string; consignees: readonly CheckedConsignee[]; value: string; onChange(code: string): void }) {
  const { t } = useTranslation();
  return (
    <label>
      <span className="field-label">{t('recall.scope.customer')}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {consignees.map((c) => (
          <option key={c.customerId} value={c.code}>
            {c.code} · {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One of a fixed list of choices, each said through `recall.effectiveness.<group>.<choice>`. */
export function ChoiceField<T extends string>({ name, label, group, choices, value, onChange }: { name: string; label: string; group: 'method' | 'step'; choices: readonly T[]; value: T; onChange(choice: NoInfer<T>): void }) {
  const { t } = useTranslation();
  return (
    <label>
      <span className="field-label">{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`recall.effectiveness.${group}.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

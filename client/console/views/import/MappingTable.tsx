import { Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS } from '../../../../domain/import';
import type { ImportJob } from '../../../api/imports';

/** One line per field of the kind: which column feeds it, and what that column holds in the first row. */
export function MappingTable({ job, mapping, onChange }: { job: ImportJob; mapping: Record<string, string>; onChange(mapping: Record<string, string>): void }) {
  const { t } = useTranslation();
  const fields = IMPORT_FIELDS[job.kind];
  const sample = (header: string | undefined) => {
    const at = header === undefined ? -1 : job.headers.indexOf(header);
    return at === -1 ? '' : (job.sample[0]?.[at] ?? '');
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      data-testid="import-mapping"
      dataSource={[...fields]}
      columns={[
        { key: 'field', title: t('import.field'), render: (_, f) => <span>{t(`import.fields.${f.name}`)} {f.required && <Tag color="blue">{t('import.required')}</Tag>}</span> },
        {
          key: 'column',
          title: t('import.column'),
          render: (_, f) => (
            <Select
              aria-label={t('import.columnFor', { field: t(`import.fields.${f.name}`) })}
              data-testid={`import-map-${f.name}`}
              allowClear
              style={{ minWidth: 200 }}
              value={mapping[f.name]}
              placeholder={t('import.notMapped')}
              options={job.headers.filter((h) => h !== '').map((h) => ({ value: h, label: h }))}
              onChange={(value: string | undefined) => {
                const next = { ...mapping };
                if (value) next[f.name] = value;
                else delete next[f.name];
                onChange(next);
              }}
            />
          ),
        },
        { key: 'sample', title: t('import.sample'), render: (_, f) => sample(mapping[f.name]) },
      ]}
    />
  );
}

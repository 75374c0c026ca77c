import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadHidden, saveHidden, shownColumns } from './column-settings';

interface Props<T> extends Omit<TableProps<T>, 'columns' | 'title'> {
  /** Names the table for its column settings and for tests (data-testid). */
  name: string;
  title: ReactNode;
  columns: ColumnsType<T>;
  /** Buttons and counts beside the title. */
  extra?: ReactNode;
  /** Below this width (px) the table scrolls sideways under its pinned first column instead of squeezing. */
  minWidth?: number;
}

/**
 * The console's table: a title with its column settings, the first column pinned while the rest
 * scroll sideways below `minWidth` (a phone), filling the page above it so nothing is cut off at
 * 1280 px; paged 20 at a time unless the page says otherwise.
 */
export function ConsoleTable<T extends object>({ name, title, columns, extra, pagination, minWidth = 880, ...table }: Props<T>) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(() => loadHidden(name));
  const hide = (keys: string[]) => {
    setHidden(keys);
    saveHidden(name, keys);
  };
  const choosable = columns.slice(1).filter((c) => c.key !== undefined && c.title !== undefined);
  const shown = shownColumns(columns, hidden).map((c, i) => (i === 0 ? { ...c, fixed: 'start' as const } : c));
  const titleText = typeof title === 'string' ? title : name;
  return (
    <section className="console-table" data-testid={name} aria-label={titleText}>
      <div className="console-table-head">
        <Typography.Title level={2}>{title}</Typography.Title>
        <Space wrap>
          {extra}
          {choosable.length > 0 && (
            <Popover
              trigger="click"
              title={t('consoleTable.columnsOf', { table: titleText })}
              content={
                <Checkbox.Group
                  className="console-column-list"
                  value={choosable.map((c) => String(c.key)).filter((k) => !hidden.includes(k))}
                  options={choosable.map((c) => ({ value: String(c.key), label: typeof c.title === 'function' ? String(c.key) : c.title }))}
                  onChange={(shownKeys) => hide(choosable.map((c) => String(c.key)).filter((k) => !shownKeys.includes(k)))}
                />
              }
            >
              <Button icon={<SettingOutlined />} aria-label={t('consoleTable.columnsOf', { table: titleText })} data-testid={`${name}-columns`}>
                {t('consoleTable.columns')}
              </Button>
            </Popover>
          )}
        </Space>
      </div>
      <Table<T>
        size="middle"
        columns={shown}
        scroll={{ x: minWidth }}
        pagination={pagination === false ? false : { defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t('consoleTable.total', { total }), ...pagination }}
        {...table}
      />
    </section>
  );
}

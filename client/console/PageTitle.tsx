import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A console page's heading: the page's one h1. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="console-page-title">
      <Typography.Title level={1}>{children}</Typography.Title>
      {extra}
    </div>
  );
}

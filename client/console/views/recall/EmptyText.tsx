/**
 * A table's "nothing here" in the page's words. A bare string would take the placeholder's
 * disabled grey, below WCAG AA contrast; Ant Design's Empty would add its own "No data" beside it.
 */
export const EmptyText = ({ children }: { children: string }) => <div className="console-empty">{children}</div>;

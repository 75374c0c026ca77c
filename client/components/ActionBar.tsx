import type { ReactNode } from 'react';
import { ScanMessage, type ScanMessageState } from './ScanMessage';

/**
 * The foot of a scanning screen, pinned to the bottom of the viewport however long the form and the op
 * list get: what the last scan did, and the screen's main action, both in reach of the thumb.
 * A submit button outside its form names it with the `form` attribute.
 */
export function ActionBar({ message, children }: { message: ScanMessageState | null; children: ReactNode }) {
  return (
    <div className="action-bar" data-testid="action-bar">
      <ScanMessage message={message} />
      <div className="action-bar-buttons">{children}</div>
    </div>
  );
}

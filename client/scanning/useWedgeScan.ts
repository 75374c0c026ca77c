import { useEffect, useRef } from 'react';
import { DEFAULT_WEDGE, WedgeReader } from './wedge';

/**
 * Calls onScan for every wedge scan while the component is mounted. Keys of a burst are kept
 * out of the focused field, and the burst's first key (typed before it could be known as a
 * scan) is taken back out of it.
 */
export function useWedgeScan(onScan: (scan: string) => void): void {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  });
  useEffect(() => {
    const reader = new WedgeReader({ ...DEFAULT_WEDGE, fnc1Substitute: localStorage.getItem('lotline.fnc1') ?? undefined });
    let field: HTMLInputElement | null = null;
    let before = '';
    const onKey = (event: KeyboardEvent) => {
      const wasReading = reader.reading;
      if (!wasReading) {
        field = document.activeElement instanceof HTMLInputElement ? document.activeElement : null;
        before = field?.value ?? '';
      }
      const scan = reader.key(event.key, event.timeStamp || performance.now(), event.ctrlKey);
      if (scan !== null) {
        event.preventDefault();
        if (field && field.value !== before) {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          setter?.call(field, before);
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }
        handler.current(scan);
      } else if (wasReading && reader.reading) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

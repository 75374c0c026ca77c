import { useState } from 'react';
import { feedback } from '../scanning/feedback';

export type ScanMessageKind = 'good' | 'warning' | 'error';
export interface ScanMessageState {
  kind: ScanMessageKind;
  text: string;
}

/** What the last scan or action did, heard (tone, vibration) and seen. */
export function useScanMessage(): [ScanMessageState | null, (kind: ScanMessageKind, text: string) => void] {
  const [message, setMessage] = useState<ScanMessageState | null>(null);
  const say = (kind: ScanMessageKind, text: string) => {
    feedback(kind);
    setMessage({ kind, text });
  };
  return [message, say];
}

export function ScanMessage({ message }: { message: ScanMessageState | null }) {
  if (!message) return null;
  return (
    <p className={`scan-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="scan-message">
      {message.text}
    </p>
  );
}

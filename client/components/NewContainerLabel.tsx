import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDevice } from '../session/device';
import { ssccsLeft, takeSscc, topUpSsccs } from '../sync/sscc-block';
import { useLabelChoice } from './PrintLabels';
import { PrinterField } from './PrinterField';

/**
 * Starts a new case or pallet with a label of its own: the next SSCC of the block this handheld
 * holds, and a logistic label asked of the chosen printer. Offline the request waits in the
 * queue with the packs, and prints when it syncs.
 */
export function NewContainerLabel({ sessionToken, onNew }: { sessionToken: string; onNew(sscc: string, printer: string): Promise<void> }) {
  const { t } = useTranslation();
  const [choice, update, options] = useLabelChoice();
  const deviceId = loadDevice()?.id ?? null;
  const [left, setLeft] = useState(() => (deviceId ? ssccsLeft(deviceId).length : 0));

  useEffect(() => {
    let cancelled = false;
    void topUpSsccs(sessionToken).then((r) => {
      if (!cancelled) setLeft(r.left);
    });
    return () => {
      cancelled = true;
    };
  }, [sessionToken]);

  async function start() {
    if (!deviceId) return;
    const sscc = takeSscc(deviceId);
    setLeft(ssccsLeft(deviceId).length);
    if (sscc) await onNew(sscc, choice.printer);
    void topUpSsccs(sessionToken).then((r) => setLeft(r.left));
  }

  if (options.printers.length === 0) return null;
  return (
    <div className="field-card new-container" data-testid="new-container">
      <span className="field-label">{t('pack.newLabel')}</span>
      <PrinterField name="ssccPrinter" value={choice.printer} printers={options.printers} onChange={(printer) => update({ printer })} />
      <button type="button" className="secondary" disabled={left === 0} onClick={() => void start()} data-testid="new-container-label">
        {t('pack.newLabelButton')}
      </button>
      <span className="hint" data-testid="sscc-left">
        {left === 0 ? t('pack.noSsccs') : t('pack.ssccsLeft', { count: left })}
      </span>
    </div>
  );
}

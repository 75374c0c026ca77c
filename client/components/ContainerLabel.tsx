import { useTranslation } from 'react-i18next';
import type { LabelState } from '../../domain/packaging';
import { useLabelChoice } from './PrintLabels';
import { PrinterField } from './PrinterField';

const LOOK: Record<LabelState, string> = { verified: 'verified', out_of_date: 'stale', not_verified: 'unverified' };

/** Whether a container's label is out of date or not verified, in a word the packer sees at once. */
export function ContainerLabelState({ state }: { state: LabelState }) {
  const { t } = useTranslation();
  return (
    <p className={`container-label-state ${LOOK[state]}`} data-testid="label-state" data-state={state}>
      {t(`pack.label.state.${state}`)}
    </p>
  );
}

/**
 * The label of the container being packed: out of date after a change, with a reprint to the
 * chosen printer (queued like any op, offline too), then a scan of the new label to verify it.
 * Shipping does not wait for it: a pallet's label is checked again at dispatch by the one scan
 * that ships it, so an unverified label slows nobody down, it only stays in sight here.
 */
export function ContainerLabel({ sscc, state, verifying, onReprint, onCheck, onStop }: { sscc: string; state: LabelState; verifying: boolean; onReprint(printer: string): void; onCheck(): void; onStop(): void }) {
  const { t } = useTranslation();
  const [choice, update, options] = useLabelChoice();
  return (
    <div className="field-card container-label" data-testid="container-label">
      <span className="field-label">{t('pack.label.title')}</span>
      <ContainerLabelState state={state} />
      {verifying ? (
        <>
          <span className="hint" data-testid="label-scan-it">
            {t('pack.label.scanIt', { sscc })}
          </span>
          <button type="button" className="secondary" onClick={onStop} data-testid="label-stop">
            {t('pack.label.stop')}
          </button>
        </>
      ) : (
        state !== 'verified' && (
          <>
            {options.printers.length > 0 && <PrinterField name="reprintPrinter" value={choice.printer} printers={options.printers} onChange={(printer) => update({ printer })} />}
            <div className="actions">
              {options.printers.length > 0 && (
                <button type="button" className="secondary" onClick={() => onReprint(choice.printer)} data-testid="label-reprint">
                  {t('pack.label.reprint')}
                </button>
              )}
              {state === 'not_verified' && (
                <button type="button" className="secondary" onClick={onCheck} data-testid="label-check">
                  {t('pack.label.check')}
                </button>
              )}
            </div>
          </>
        )
      )}
    </div>
  );
}

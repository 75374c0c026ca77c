import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeBracketed } from '../../domain/gs1';
import { resolveLabelData } from '../../domain/labels';

/**
 * The label's GS1 barcodes drawn in the browser with bwip-js from the same element string
 * domain/gs1 builds for the printer: a second, independent drawing beside the ZPL render, so a
 * preview that disagrees with itself is seen before the template is approved.
 */
/** The element strings to draw, or why there are none: pure, so it is worked out while rendering. */
function elementStrings(data: Record<string, unknown>): { ok: true; all: string; linear: string } | { ok: false; error: string } {
  const resolved = resolveLabelData(data);
  if (!resolved.ok) return { ok: false, error: resolved.error.message };
  const all = encodeBracketed(resolved.data.elements);
  const linear = encodeBracketed(resolved.data.elements.filter((e) => e.ai !== '30'));
  if (!all.ok) return { ok: false, error: all.error.message };
  if (!linear.ok) return { ok: false, error: linear.error.message };
  return { ok: true, all: all.value, linear: linear.value };
}

export function Gs1BarcodePreview({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const dataMatrix = useRef<HTMLCanvasElement>(null);
  const gs1128 = useRef<HTMLCanvasElement>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const strings = useMemo(() => elementStrings(data), [data]);

  useEffect(() => {
    if (!strings.ok) return;
    let cancelled = false;
    // bwip-js is large: load it when a preview is first drawn, not with the handheld screens.
    import('bwip-js/browser')
      .then((bwip) => {
        if (cancelled || !dataMatrix.current || !gs1128.current) return;
        bwip.toCanvas(dataMatrix.current, { bcid: 'gs1datamatrix', text: strings.all, scale: 3 });
        bwip.toCanvas(gs1128.current, { bcid: 'gs1-128', text: strings.linear, scale: 2, height: 12, includetext: true, textxalign: 'center' });
      })
      .catch((e: unknown) => {
        if (!cancelled) setDrawError(String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [strings]);

  const error = strings.ok ? drawError : strings.error;
  return (
    <figure className="gs1-preview" data-testid="gs1-preview">
      <figcaption className="hint">{t('labels.bwipPreview')}</figcaption>
      {error ? (
        <p className="form-error">{error}</p>
      ) : (
        <>
          <canvas ref={dataMatrix} aria-label="GS1 DataMatrix" />
          <canvas ref={gs1128} aria-label="GS1-128" />
          <code data-testid="gs1-element-string">{strings.ok ? strings.all : ''}</code>
        </>
      )}
    </figure>
  );
}

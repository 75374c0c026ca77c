import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The device token as a QR code, so a clerk scans it on the handheld instead of typing 47
 * characters on a touch keyboard. The text stays beside it for a device without a working scanner.
 */
export function DeviceTokenQr({ token }: { token: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawError, setDrawError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // bwip-js is large: loaded when a token is first shown, not with the handheld screens.
    import('bwip-js/browser')
      .then((bwip) => {
        if (!cancelled && canvas.current) bwip.toCanvas(canvas.current, { bcid: 'qrcode', text: token, scale: 4, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF' });
      })
      .catch((e: unknown) => {
        if (!cancelled) setDrawError(String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [token]);

  return (
    <figure className="token-qr" data-testid="issued-token">
      {drawError ? <p className="scan-message error">{drawError}</p> : <canvas ref={canvas} role="img" aria-label={t('console.tokenQr')} data-testid="token-qr" />}
      <figcaption>
        {t('console.tokenOnce')} <code data-testid="token-text">{token}</code>
      </figcaption>
    </figure>
  );
}

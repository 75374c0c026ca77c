import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeFrame } from './camera';

/** A live camera view that decodes a few frames a second and hands each new scan over once. */
export function CameraScanner({ onScan, onClose }: { onScan(scan: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  });

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let last = '';
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const loop = async () => {
      while (!stopped) {
        const v = video.current;
        if (v && context && v.readyState >= 2 && v.videoWidth > 0) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          context.drawImage(v, 0, 0);
          const scan = await decodeFrame(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => null);
          // The same code held in front of the camera is one scan, not one per frame.
          if (scan && scan !== last) {
            last = scan;
            handler.current(scan);
          }
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false })
      .then((s) => {
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        void loop();
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="camera" data-testid="camera">
      {error ? <p className="scan-message error">{t('camera.unavailable', { reason: error })}</p> : <video ref={video} muted playsInline />}
      <button type="button" className="secondary" onClick={onClose}>
        {t('camera.close')}
      </button>
    </div>
  );
}

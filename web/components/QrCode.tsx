import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code drawn in the browser (nothing is fetched from outside): an SVG as a data URL, so it
 * prints sharp at any size and can be saved with a long press on a phone.
 */
export function QrCode({ text, size = 200, alt, testId }: { text: string; size?: number; alt: string; testId: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (live) setSrc(null);
      });
    return () => {
      live = false;
    };
  }, [text]);
  if (!src) return <Skeleton.Node active style={{ width: size, height: size }} />;
  return <img src={src} width={size} height={size} alt={alt} data-testid={testId} data-qr-text={text} />;
}

import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code of `text` as an SVG image, sharp at any print size: a scanner or a phone's camera at the repair
 * point reads the diagnosis code from it.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let current = true;
    void qrSvg(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (made) => current && setSvg(made),
    );
    return () => {
      current = false;
    };
  }, [text]);
  if (!svg) return <span className="qr-code" />;
  return (
    <img
      className="qr-code"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
    />
  );
}

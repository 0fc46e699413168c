import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** The packing slip's QR code and the machines' SN labels, as printed: Code 128, Code 39 or EAN. */
const formats = ['qr_code', 'code_128', 'code_39', 'ean_13', 'ean_8'] as const;

/**
 * The decoder comes with our own build: by default it is fetched from a CDN, which our CSP and a site
 * without internet access refuse.
 */
const overrides = {
  locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};

/** A barcode reader whose WebAssembly decoder is loaded and ready to read a video frame. */
export async function loadBarcodeReader(): Promise<BarcodeDetector> {
  await prepareZXingModule({ overrides, fireImmediately: true });
  return new BarcodeDetector({ formats: [...formats] });
}

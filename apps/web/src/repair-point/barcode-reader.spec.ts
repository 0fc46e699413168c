import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';

describe('the barcode reader’s decoder', () => {
  it('is served from the build in the very version the reader was built against', () => {
    // barcode-reader.ts bundles zxing-wasm's file: a reader upgraded alone would load a decoder it cannot
    // drive.
    const served = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    expect(createHash('sha256').update(readFileSync(served)).digest('hex')).toBe(ZXING_WASM_SHA256);
  });
});

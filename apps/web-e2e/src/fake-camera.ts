import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@aftersales/shared-testing';
import { create as createQr } from 'qrcode';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

/** A printed code as its modules: `width` × `height`, dark or light. */
export interface PrintedCode {
  width: number;
  height: number;
  dark(x: number, y: number): boolean;
}

/** A QR code of `text`, made as the packing slip makes it. */
export function qrCode(text: string): PrintedCode {
  const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
  return { width: modules.size, height: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) };
}

/** A Code 128 barcode of `text`, as machines' SN labels are printed. */
export async function code128(text: string): Promise<PrintedCode> {
  const wasm = readFileSync(join(workspaceRoot, 'node_modules/zxing-wasm/dist/writer/zxing_writer.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(wasm).buffer } });
  const { symbol, error } = await writeBarcode(text, { format: 'Code128' });
  if (error) throw new Error(`No Code 128 of ${text}: ${error}`);
  // One byte a module, 0 for a bar.
  return {
    width: symbol.width,
    height: symbol.height,
    dark: (x, y) => symbol.data[y * symbol.width + x] === 0,
  };
}

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A still picture of `code` as a Y4M video (4:2:0, full range), the file Chromium's fake camera plays: black
 * modules on white, as large as fits with a quiet zone of four modules around.
 */
export function y4mOf(code: PrintedCode, frames = 3): Buffer {
  const scale = Math.floor(Math.min(WIDTH / (code.width + 8), HEIGHT / (code.height + 8)));
  const left = Math.floor((WIDTH - code.width * scale) / 2);
  const top = Math.floor((HEIGHT - code.height * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  for (let y = 0; y < code.height * scale; y++) {
    for (let x = 0; x < code.width * scale; x++) {
      if (code.dark(Math.floor(x / scale), Math.floor(y / scale))) luma[(top + y) * WIDTH + left + x] = 0;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

export interface FakeCamera {
  /** Chromium's switches for a camera that plays this one's file, allowed without asking. */
  args: string[];
  /** Puts `code` in front of the camera: the next time a page opens it, it plays the new file. */
  show(code: PrintedCode): void;
  remove(): void;
}

/** A camera for a test's browser, showing `code` to begin with. */
export function fakeCamera(code: PrintedCode): FakeCamera {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-camera-'));
  const file = join(dir, 'camera.y4m');
  const show = (next: PrintedCode) => {
    // Whole or not at all: Chromium reads the file when a page opens the camera.
    writeFileSync(`${file}.part`, y4mOf(next));
    renameSync(`${file}.part`, file);
  };
  show(code);
  return {
    args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
    show,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

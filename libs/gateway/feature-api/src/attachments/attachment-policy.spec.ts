import { describe, expect, it } from '@jest/globals';
import { attachmentName, decideType, textChecker } from './attachment-policy.js';

const allowed = ['image/png', 'image/jpeg', 'application/zip', 'text/plain'];
const png = { mime: 'image/png', ext: 'png' };

describe('attachment names', () => {
  it('keeps an ordinary name, Chinese included, without the spaces around it', () => {
    expect(attachmentName('  矿机日志 2026-11.log ')).toBe('矿机日志 2026-11.log');
  });

  it.each([
    ['a path up the tree', '../../etc/passwd'],
    ['a Windows path', '..\\..\\boot.ini'],
    ['a folder', 'logs/miner.log'],
    ['a control character', 'miner\u0000.log'],
    ['a line break', 'miner\n.log'],
    ['a right-to-left override that disguises the extension', 'photo\u202egpj.exe'],
    ['nothing', '   '],
    ['a dot', '.'],
    ['two dots', '..'],
  ])('refuses %s', (_, name) => {
    expect(attachmentName(name)).toBeUndefined();
  });

  it('keeps the last 255 characters of a longer name, so the extension stays', () => {
    const name = attachmentName(`${'日'.repeat(300)}.png`)!;
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('日日.png')).toBe(true);
  });
});

describe('attachment types, from the bytes', () => {
  it('takes an allowed type the bytes show', () => {
    expect(decideType(png, 'fan.png', allowed)).toEqual({
      accepted: true,
      contentType: 'image/png',
      name: 'fan.png',
      text: false,
    });
  });

  it('refuses an executable renamed to a photo, naming what it is', () => {
    const exe = { mime: 'application/x-msdownload', ext: 'exe' };
    expect(decideType(exe, 'fan.jpg', allowed)).toEqual({
      accepted: false,
      detected: 'application/x-msdownload',
    });
  });

  it('adds the right extension to a photo named otherwise', () => {
    expect(decideType(png, 'fan.exe', allowed)).toMatchObject({ accepted: true, name: 'fan.exe.png' });
    expect(decideType(png, 'fan', allowed)).toMatchObject({ accepted: true, name: 'fan.png' });
  });

  it('takes .jpeg as the extension of a JPEG', () => {
    const jpeg = { mime: 'image/jpeg', ext: 'jpg' };
    expect(decideType(jpeg, 'board.JPEG', allowed)).toMatchObject({ accepted: true, name: 'board.JPEG' });
  });

  it('takes bytes without magic as text only when named .log or .txt', () => {
    expect(decideType(undefined, 'kernel.log', allowed)).toEqual({
      accepted: true,
      contentType: 'text/plain; charset=utf-8',
      name: 'kernel.log',
      text: true,
    });
    expect(decideType(undefined, 'notes.TXT', allowed)).toMatchObject({ accepted: true, text: true });
    expect(decideType(undefined, 'setup.sh', allowed)).toEqual({ accepted: false });
    expect(decideType(undefined, 'kernel.log', ['image/png'])).toEqual({ accepted: false });
  });
});

describe('text check of a log', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('passes UTF-8 lines with tabs and terminal colours, even when a character is split between chunks', () => {
    const check = textChecker();
    const all = bytes('\u001b[32mOK\u001b[0m\tfan 1\r\n温度 85°C\n');
    const split = all.indexOf(0xe6) + 1;
    expect(check.push(all.slice(0, split))).toBe(true);
    expect(check.push(all.slice(split))).toBe(true);
    expect(check.end()).toBe(true);
  });

  it('fails on a NUL byte, as in a binary renamed .log', () => {
    expect(textChecker().push(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00]))).toBe(false);
  });

  it('fails on bytes that are not UTF-8', () => {
    expect(textChecker().push(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(false);
  });

  it('fails on a file that ends inside a character', () => {
    const check = textChecker();
    expect(check.push(bytes('温').slice(0, 2))).toBe(true);
    expect(check.end()).toBe(false);
  });
});

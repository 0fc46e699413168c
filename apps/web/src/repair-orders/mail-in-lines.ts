import type { DeviceCheck, DeviceProblem } from '@aftersales/contracts/repair-orders';
import { normalizeSerialNumber } from '@aftersales/contracts/warranty';

/** One machine on the mail-in form as the customer entered it, with the server's check once it came. */
export interface FormLine {
  /** Stays with the line while others are added and removed. */
  key: number;
  input: string;
  fault: string;
  /** Uploaded as they were picked: their ids. */
  photos: string[];
  check?: DeviceCheck;
}

/** A line as the form shows it: what keeps it off the form, if anything, and whether it was checked. */
export interface LineView extends FormLine {
  sn: string;
  model?: string;
  problem?: DeviceProblem;
  checked: boolean;
}

/**
 * Each line with its problem. A machine entered twice is a problem of the later line only, found here
 * rather than by the server, so that removing the first makes the second a line to check.
 */
export function viewLines(lines: readonly FormLine[]): LineView[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    const sn = line.check?.sn ?? normalizeSerialNumber(line.input);
    if (seen.has(sn)) return { ...line, sn, problem: 'duplicate', checked: true };
    seen.add(sn);
    return {
      ...line,
      sn,
      checked: line.check !== undefined,
      ...(line.check?.model ? { model: line.check.model } : {}),
      ...(line.check?.problem ? { problem: line.check.problem } : {}),
    };
  });
}

/** The lines the server has yet to check: none twice, and none that repeats an earlier line. */
export function linesToCheck(lines: readonly FormLine[]): FormLine[] {
  return viewLines(lines).filter((line) => !line.checked);
}

/** The server's answers, each to the line with its key; lines removed meanwhile stay removed. */
export function withChecks(
  lines: readonly FormLine[],
  checked: readonly { key: number; check: DeviceCheck }[],
): FormLine[] {
  const byKey = new Map(checked.map(({ key, check }) => [key, check]));
  return lines.map((line) => {
    const check = byKey.get(line.key);
    return check ? { ...line, check } : line;
  });
}

/** What the server refused on submit, `details.devices`: each problem by its line's index on the form. */
export interface RefusedDevice extends DeviceCheck {
  index: number;
}

export function withRefusals(lines: readonly FormLine[], refused: readonly RefusedDevice[]): FormLine[] {
  const byIndex = new Map(refused.map(({ index, ...check }) => [index, check]));
  return lines.map((line, index) => {
    const check = byIndex.get(index);
    return check ? { ...line, check } : line;
  });
}

/** The form can go when every line was checked, none has a problem and each says what is wrong. */
export function formReady(views: readonly LineView[]): boolean {
  return views.length > 0 && views.every((line) => line.checked && !line.problem && line.fault.trim() !== '');
}

/** The models on the form, for choosing a repair point that repairs all of them. */
export function modelsOf(views: readonly LineView[]): string[] {
  return [...new Set(views.flatMap((line) => (line.model && !line.problem ? [line.model] : [])))];
}

import type { DeviceCheck } from '@aftersales/contracts/repair-orders';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import {
  type FormLine,
  type LineView,
  linesToCheck,
  type RefusedDevice,
  viewLines,
  withChecks,
  withRefusals,
} from './mail-in-lines';

/** SNs per check request: a farm's long list is checked in steps, so the form can show its progress. */
const CHECK_BATCH = 25;
/** Longer than any SN however it is written: no need to ask the server. */
const MAX_INPUT = 64;

export interface CheckedLines {
  views: LineView[];
  /** While lines wait for their check: how many of all are checked. */
  progress?: { checked: number; total: number };
  checkError?: string;
  add(devices: readonly { sn: string; fault: string; photos?: string[] }[]): void;
  remove(key: number): void;
  edit(key: number, change: Partial<Pick<FormLine, 'fault' | 'photos'>>): void;
  /** The server refused the form: its problems by line index. */
  refuse(devices: readonly RefusedDevice[]): void;
  retryChecks(): void;
}

/**
 * The machines of the mail-in form. Each line is checked by the server as soon as it is added (is it
 * registered, in warranty, in no other order, its model known), a long list in steps; a line removed
 * while its check runs stays removed.
 */
export function useCheckedLines(diagnosisCode: string): CheckedLines {
  const { api } = useAuth();
  const [lines, setLines] = useState<FormLine[]>([]);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string>();
  const nextKey = useRef(1);

  useEffect(() => {
    if (checking || checkError) return;
    const batch = linesToCheck(lines).slice(0, CHECK_BATCH);
    if (batch.length === 0) return;
    setChecking(true);
    api<DeviceCheck[]>(`/api/repair-orders/${encodeURIComponent(diagnosisCode)}/device-checks`, {
      method: 'POST',
      body: { sns: batch.map((line) => line.input) },
    })
      .then(
        (checks) =>
          setLines((current) =>
            withChecks(
              current,
              batch.map((line, index) => ({ key: line.key, check: checks[index]! })),
            ),
          ),
        (error: unknown) => setCheckError(errorText(error)),
      )
      .finally(() => setChecking(false));
    // Not on `api`: it changes with every token renewal.
  }, [lines, checking, checkError, diagnosisCode]);

  const views = useMemo(() => viewLines(lines), [lines]);
  const unchecked = views.filter((line) => !line.checked).length;

  return {
    views,
    ...(unchecked > 0 ? { progress: { checked: views.length - unchecked, total: views.length } } : {}),
    ...(checkError ? { checkError } : {}),
    add(devices) {
      const added = devices.map(({ sn, fault, photos = [] }): FormLine => {
        const input = sn.trim();
        return {
          key: nextKey.current++,
          input,
          fault,
          photos,
          ...(input.length > MAX_INPUT ? { check: { input, problem: 'malformed' } } : {}),
        };
      });
      setLines((current) => [...current, ...added]);
    },
    remove(key) {
      setLines((current) => current.filter((line) => line.key !== key));
    },
    edit(key, change) {
      setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));
    },
    refuse(devices) {
      setLines((current) => withRefusals(current, devices));
    },
    retryChecks() {
      setCheckError(undefined);
    },
  };
}

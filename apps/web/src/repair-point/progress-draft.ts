import {
  type DiagnosedFault,
  faultComponents,
  type RepairProgress,
  type RepairResult,
} from '@aftersales/contracts/repair-orders';

export type FaultComponent = (typeof faultComponents)[number];

/** A fault as the engineer types it: numbers and lists are still text. */
export interface FaultDraft {
  component: FaultComponent;
  position: string;
  chips: string;
  code: string;
  note: string;
}

export interface PartDraft {
  part: string;
  quantity: string;
}

export interface ProgressDraft {
  faults: FaultDraft[];
  parts: PartDraft[];
  tested: boolean;
  passed: boolean;
  burnInHours: string;
  hashrate: string;
  note: string;
  /** Uploaded already: their ids. */
  photos: string[];
  result: RepairResult | '';
}

export const emptyProgress: ProgressDraft = {
  faults: [],
  parts: [],
  tested: false,
  passed: true,
  burnInHours: '',
  hashrate: '',
  note: '',
  photos: [],
  result: '',
};

export const emptyFault: FaultDraft = {
  component: faultComponents[0],
  position: '',
  chips: '',
  code: '',
  note: '',
};
export const emptyPart: PartDraft = { part: '', quantity: '1' };

/** Components that sit in numbered slots: the position says which one failed. */
export const slotted: readonly FaultComponent[] = ['hash_board', 'fan'];

/** What is wrong with the draft, each as an i18n key under `progress.problems` with where it is. */
export type DraftProblem =
  | { problem: 'positionNeeded' | 'positionInvalid' | 'chipInvalid'; fault: number }
  | { problem: 'partNeeded' | 'quantityInvalid'; part: number }
  | { problem: 'burnInInvalid' }
  | { problem: 'empty' };

const CHIP = /^[A-Za-z0-9-]{1,12}$/;

/** Chip labels as engineers list them: separated by spaces, commas or the Chinese comma. */
export function chipsOf(text: string): string[] {
  return text.split(/[\s,，、;；]+/).filter((chip) => chip !== '');
}

/** The draft as the progress the API takes, or what must be corrected first. */
export function progressOf(
  draft: ProgressDraft,
): { progress: RepairProgress } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const faults = draft.faults.map((fault, index): DiagnosedFault => {
    const position = fault.position.trim() === '' ? undefined : Number(fault.position);
    if (position === undefined && fault.component === 'hash_board')
      problems.push({ problem: 'positionNeeded', fault: index });
    if (position !== undefined && !(Number.isInteger(position) && position >= 1 && position <= 16))
      problems.push({ problem: 'positionInvalid', fault: index });
    const chips = chipsOf(fault.chips);
    if (chips.some((chip) => !CHIP.test(chip))) problems.push({ problem: 'chipInvalid', fault: index });
    return {
      component: fault.component,
      ...(position === undefined ? {} : { position }),
      ...(chips.length > 0 ? { chips } : {}),
      ...(fault.code.trim() ? { code: fault.code.trim() } : {}),
      ...(fault.note.trim() ? { note: fault.note.trim() } : {}),
    };
  });
  const partsReplaced = draft.parts.map((part, index) => {
    const quantity = Number(part.quantity || '1');
    if (!part.part.trim()) problems.push({ problem: 'partNeeded', part: index });
    if (!(Number.isInteger(quantity) && quantity >= 1 && quantity <= 1_000))
      problems.push({ problem: 'quantityInvalid', part: index });
    return { part: part.part.trim(), quantity };
  });
  const burnInHours = draft.burnInHours.trim() === '' ? undefined : Number(draft.burnInHours);
  if (draft.tested && burnInHours !== undefined && !(burnInHours >= 0 && burnInHours <= 720))
    problems.push({ problem: 'burnInInvalid' });
  const progress: RepairProgress = {
    faults,
    partsReplaced,
    ...(draft.tested
      ? {
          test: {
            passed: draft.passed,
            ...(burnInHours === undefined ? {} : { burnInHours }),
            ...(draft.hashrate.trim() ? { hashrate: draft.hashrate.trim() } : {}),
          },
        }
      : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    ...(draft.photos.length > 0 ? { photos: draft.photos } : {}),
    ...(draft.result ? { result: draft.result } : {}),
  };
  const recorded = faults.length + partsReplaced.length + draft.photos.length;
  if (recorded === 0 && !progress.test && !progress.note && !progress.result)
    problems.push({ problem: 'empty' });
  return problems.length > 0 ? { problems } : { progress };
}

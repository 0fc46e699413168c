import type {
  DeviceLine,
  DiagnosedFault,
  ReceiptOutcome,
  RepairOrderDetail,
  RepairResult,
  ReplacedPart,
  Shipment,
  TestResult,
} from '@aftersales/contracts/repair-orders';
import { stepsOfLine } from './timeline-steps';

/** One visit of the engineer to the machine, as recorded. */
export interface RepairEntry {
  at: string;
  faults: DiagnosedFault[];
  partsReplaced: ReplacedPart[];
  test?: TestResult;
  note?: string;
  result?: RepairResult;
}

/** What the customer gets in writing about one machine: what was found and done, and when. */
export interface RepairReport {
  line: DeviceLine;
  repairPointId?: string;
  submittedAt?: string;
  receipt?: { at: string; outcome: ReceiptOutcome; note?: string };
  entries: RepairEntry[];
  faults: DiagnosedFault[];
  partsReplaced: ReplacedPart[];
  /** The last test: the one the machine left with. */
  test?: TestResult;
  result?: RepairResult;
  returned?: Shipment;
  completedAt?: string;
}

/** The report of a device line, read from the order's timeline; none for a line the order does not hold. */
export function repairReportOf(order: RepairOrderDetail, deviceOrderNo: string): RepairReport | undefined {
  const line = order.lines.find((l) => l.deviceOrderNo === deviceOrderNo);
  if (!line) return undefined;
  const report: RepairReport = {
    line,
    ...(order.repairPointId ? { repairPointId: order.repairPointId } : {}),
    ...(order.submittedAt ? { submittedAt: order.submittedAt } : {}),
    entries: [],
    faults: [],
    partsReplaced: [],
  };
  for (const step of stepsOfLine(order.timeline, deviceOrderNo)) {
    switch (step.type) {
      case 'DeviceReceived': {
        const { outcome, note } = step.details;
        report.receipt = { at: step.at, outcome, ...(note ? { note } : {}) };
        break;
      }
      case 'RepairProgressRecorded': {
        const { faults, partsReplaced, test, note, result } = step.details;
        report.entries.push({
          at: step.at,
          faults,
          partsReplaced,
          ...(test ? { test } : {}),
          ...(note ? { note } : {}),
          ...(result ? { result } : {}),
        });
        report.faults.push(...faults);
        report.partsReplaced.push(...partsReplaced);
        if (test) report.test = test;
        if (result) report.result = result;
        break;
      }
      case 'DeviceReturned':
        report.returned = {
          carrier: step.details.carrier,
          trackingNumber: step.details.trackingNumber,
          at: step.at,
        };
        break;
      case 'ReturnConfirmed':
        report.completedAt = step.at;
        break;
      default:
        break;
    }
  }
  return report;
}

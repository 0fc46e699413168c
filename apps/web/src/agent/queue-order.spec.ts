import { describe, expect, it } from '@jest/globals';
import type { Consultation } from '@aftersales/contracts/consultation';
import { placeIn } from './queue-order';
import { waitingMinutes } from './waiting-time';

function consultation(id: string, openedAt: string, status: Consultation['status'] = 'open'): Consultation {
  return {
    id,
    number: `C${id.slice(0, 12).toUpperCase()}`,
    customerId: '0b3f7a52-1c4e-4f0a-9d2b-7e8c6a5d4f31',
    device: { sn: 'ZH10014510045', model: 'VolcMiner D1', warrantyEndsOn: '2027-06-01' },
    status,
    openedAt,
    lastActivityAt: openedAt,
    lastSeq: 0,
    unread: 0,
  };
}

const isOpen = (c: Consultation) => c.status === 'open';
const ids = (list: Consultation[]) => list.map((c) => c.id);

describe("the agents' queue", () => {
  const early = consultation('aaaaaaaa-0000-4000-8000-000000000001', '2026-11-28T09:00:00.000Z');
  const late = consultation('bbbbbbbb-0000-4000-8000-000000000002', '2026-11-28T10:00:00.000Z');

  it('puts a newly opened consultation in place, longest waiting first', () => {
    const middle = consultation('cccccccc-0000-4000-8000-000000000003', '2026-11-28T09:30:00+00:00');
    expect(ids(placeIn([early, late], middle, isOpen))).toEqual([early.id, middle.id, late.id]);
  });

  it('replaces a consultation that changed rather than listing it twice', () => {
    const updated = { ...late, unread: 2, lastMessage: 'hello' };
    const queue = placeIn([early, late], updated, isOpen);
    expect(queue).toEqual([early, updated]);
  });

  it('drops a consultation an agent took', () => {
    expect(ids(placeIn([early, late], { ...early, status: 'in_progress' }, isOpen))).toEqual([late.id]);
  });

  it('shows whole minutes waited, never fewer than none', () => {
    const now = Date.parse('2026-11-28T10:05:59.000Z');
    expect(waitingMinutes('2026-11-28T10:00:00.000Z', now)).toBe(5);
    expect(waitingMinutes('2026-11-28T10:07:00.000Z', now)).toBe(0);
  });
});

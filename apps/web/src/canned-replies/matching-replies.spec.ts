import { describe, expect, it } from '@jest/globals';
import type { CannedReply } from '@aftersales/contracts/consultation';
import { matchingReplies } from './matching-replies';

const reply = (title: string, text: string): CannedReply => ({
  id: `00000000-0000-4000-8000-${title.length.toString().padStart(12, '0')}`,
  title,
  text,
  version: 1,
  createdBy: '7e2d3c4b-2222-4ccc-9ddd-000000000001',
  updatedBy: '7e2d3c4b-2222-4ccc-9ddd-000000000001',
  updatedAt: '2026-11-28T08:00:00.000Z',
});

const greeting = reply('问候', '您好，请问有什么可以帮您？');
const mailIn = reply('Mail-in', 'Please pack the miner in its original box and submit the mail-in form.');

describe('finding a canned reply', () => {
  it('shows them all before the agent types', () => {
    expect(matchingReplies([greeting, mailIn], '  ')).toEqual([greeting, mailIn]);
  });

  it('finds a reply by a word of its title or its text, in any case', () => {
    expect(matchingReplies([greeting, mailIn], 'MAIL')).toEqual([mailIn]);
    expect(matchingReplies([greeting, mailIn], '帮您')).toEqual([greeting]);
  });

  it('needs every word typed', () => {
    expect(matchingReplies([greeting, mailIn], 'box form')).toEqual([mailIn]);
    expect(matchingReplies([greeting, mailIn], 'box 您好')).toEqual([]);
  });
});

import type { CannedReply } from '@aftersales/contracts/consultation';

/** The replies whose title or text holds every word of `query`, in any case; all of them for no query. */
export function matchingReplies(replies: CannedReply[], query: string): CannedReply[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return replies.filter((reply) => {
    const haystack = `${reply.title}\n${reply.text}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

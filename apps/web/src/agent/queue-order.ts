import type { Consultation } from '@aftersales/contracts/consultation';

/**
 * Puts a changed consultation in its place in a list of those that `belong`, longest waiting first; one
 * that no longer belongs leaves it.
 */
export function placeIn(
  list: readonly Consultation[],
  changed: Consultation,
  belongs: (c: Consultation) => boolean,
): Consultation[] {
  const others = list.filter((c) => c.id !== changed.id);
  if (!belongs(changed)) return others;
  return [...others, changed].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
}

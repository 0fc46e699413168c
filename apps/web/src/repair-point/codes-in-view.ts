/** How long a code may go unread and still be the one in view: a blurred frame misses it now and then. */
export const OUT_OF_VIEW_MS = 1_000;

/**
 * A camera reads the label in front of it in every frame; the engineer scanned it once. Returns a reader of
 * one frame's codes (read at `now`, in milliseconds) that gives back only the codes that came into view:
 * a code held in view is one scan, and one taken away and shown again is scanned again.
 */
export function codesInView(
  forgetAfterMs = OUT_OF_VIEW_MS,
): (codes: readonly string[], now: number) => string[] {
  const lastRead = new Map<string, number>();
  return (codes, now) => {
    for (const [code, at] of lastRead) if (now - at > forgetAfterMs) lastRead.delete(code);
    const fresh = codes.filter((code, i) => code !== '' && !lastRead.has(code) && codes.indexOf(code) === i);
    for (const code of codes) lastRead.set(code, now);
    return fresh;
  };
}

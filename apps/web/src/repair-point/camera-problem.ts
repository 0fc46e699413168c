/** Why the camera cannot scan, in the terms the engineer can act on. */
export type CameraProblem = 'insecure' | 'denied' | 'none' | 'busy' | 'decoder';

/**
 * The problem behind a failed `getUserMedia` (a DOMException named by the spec). Anything else failed while
 * loading or running the decoder.
 */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : undefined;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'none';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'decoder';
  }
}

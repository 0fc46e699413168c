import { InvalidError, PreconditionRequiredError } from '@aftersales/contracts/common';

/**
 * The version an `If-Match` header names: `"3"` (an ETag this API gave out), `W/"3"` or `3`. A change of
 * an object that others may change too must name the version it was made on, so none is overwritten.
 */
export function expectedVersionOf(ifMatch: string | undefined, object: string): number {
  if (!ifMatch)
    throw new PreconditionRequiredError(`If-Match: send the version of the ${object} you changed`, {
      code: 'if_match_required',
    });
  const version = Number(/^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())?.[1]);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new InvalidError('If-Match: must be a version such as "3"', { code: 'if_match_invalid' });
  }
  return version;
}

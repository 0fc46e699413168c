import { describe, expect, it } from '@jest/globals';
import { cameraProblem } from './camera-problem';

describe('why the camera cannot scan', () => {
  it('names a refused permission', () => {
    expect(cameraProblem(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem(new DOMException('Disabled by policy', 'SecurityError'))).toBe('denied');
  });

  it('names a device without a camera, or without one that can film', () => {
    expect(cameraProblem(new DOMException('Requested device not found', 'NotFoundError'))).toBe('none');
    expect(cameraProblem(new DOMException('', 'OverconstrainedError'))).toBe('none');
  });

  it('names a camera another app holds', () => {
    expect(cameraProblem(new DOMException('Could not start video source', 'NotReadableError'))).toBe('busy');
  });

  it('takes anything else for the decoder failing', () => {
    expect(cameraProblem(new TypeError('Failed to fetch dynamically imported module'))).toBe('decoder');
    expect(cameraProblem(new WebAssembly.CompileError('invalid magic'))).toBe('decoder');
    expect(cameraProblem('nope')).toBe('decoder');
  });
});

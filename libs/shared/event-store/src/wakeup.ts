import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The pause of a polling loop, cut short by `notify`. A notify that comes while the loop is busy is
 * kept, so the next pause ends at once: work announced during a pass is never left for a full pause.
 */
export class Wakeup {
  private notified = false;
  private wake: (() => void) | undefined;

  async pause(ms: number): Promise<void> {
    if (!this.notified) {
      const controller = new AbortController();
      this.wake = () => controller.abort();
      await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
      this.wake = undefined;
    }
    this.notified = false;
  }

  notify(): void {
    this.notified = true;
    this.wake?.();
  }
}

interface Step {
  label: string;
  undo: () => Promise<void>;
}

/**
 * What the benchmark must undo when it ends, however it ends: processes stopped, then the database they
 * used dropped. Steps run last-added first, so that nothing is dropped while something still uses it.
 */
export class Teardown {
  private readonly steps: Step[] = [];
  private running?: Promise<void>;

  add(label: string, undo: () => Promise<void>): void {
    // Added after the teardown began (a process that the interrupted run was still starting): undo it at
    // once, since the process may exit before a later step would get to it.
    if (this.running) void runStep({ label, undo });
    else this.steps.push({ label, undo });
  }

  /** Runs every step once, however often it is called: Ctrl-C and the run's own end may both call it. */
  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) await runStep(step);
  }
}

/** A step that fails is reported and does not keep the others from running. */
async function runStep({ label, undo }: Step): Promise<void> {
  await undo().catch((error: Error) => process.stderr.write(`teardown: ${label}: ${error.message}\n`));
}

/**
 * Runs `bench` and then the teardown, also on failure and on Ctrl-C (or a SIGTERM), so that no process
 * keeps running and no `bench_…` database stays behind.
 */
export async function withTeardown<T>(bench: (teardown: Teardown) => Promise<T>): Promise<T> {
  const teardown = new Teardown();
  const interrupted = () => void teardown.run().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await bench(teardown);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await teardown.run();
  }
}

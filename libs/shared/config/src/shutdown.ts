/** How long a clean stop may take before the process ends anyway (Kubernetes would kill it later still). */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * Ends the process cleanly when the orchestrator asks (SIGTERM) or a developer presses Ctrl-C (SIGINT):
 * `close` stops taking new work, lets what is in flight finish, closes the connections, and the process
 * then exits 0, as Kubernetes expects of a pod that stopped on request. A second signal ends it at once. A
 * stop that has not finished within the grace period ends with exit code 1 and names what was still open,
 * so a stuck shutdown shows in the log instead of waiting for the orchestrator's kill.
 */
export function exitOnSignals(app: { close(): Promise<void> }, log: (message: string) => void): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    log(`${signal}: finishing the work in flight, then exiting`);
    setTimeout(() => {
      log(
        `Still closing after ${SHUTDOWN_GRACE_MS} ms; exiting. Open: ${process.getActiveResourcesInfo().join(', ')}`,
      );
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`Could not close cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

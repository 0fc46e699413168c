/**
 * Ends the process cleanly when the orchestrator asks (SIGTERM) or a developer presses Ctrl-C (SIGINT):
 * `close` stops taking new work, lets what is in flight finish, closes the connections, and the process
 * then exits 0, as Kubernetes expects of a pod that stopped on request. A second signal ends it at once.
 */
export function exitOnSignals(app: { close(): Promise<void> }, log: (message: string) => void): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    log(`${signal}: finishing the work in flight, then exiting`);
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

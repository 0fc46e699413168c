/**
 * Orders changed by a consumer of another service's events, told after the change committed, so that the
 * gateways hear of it as they hear of a command's (`RepairOrderNotices`). One process runs one service:
 * its consumers and its notices meet here.
 */
type Listener = (diagnosisCode: string) => Promise<void>;

const listeners = new Set<Listener>();

export const orderChanges = {
  listen(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  async changed(diagnosisCode: string): Promise<void> {
    await Promise.all([...listeners].map((listener) => listener(diagnosisCode)));
  },
};

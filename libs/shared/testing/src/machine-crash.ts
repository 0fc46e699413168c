import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { DedicatedNats } from './nats-server.js';

function copyStore(from: string, to: string): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  // Consumers' state before the streams' messages, so no consumer is synced past its stream's end:
  // JetStream 2.9 leaves such a consumer skipping what is stored again below its floor.
  const isMessages = (file: string) => file.includes(`${sep}msgs${sep}`);
  files.sort((x, y) => Number(isMessages(x)) - Number(isMessages(y)));
  for (const file of files) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/**
 * A machine crash of a dedicated nats-server. A process crash alone loses nothing on nats-server 2.9: it
 * writes every message to its files before acknowledging it, and the operating system keeps what was
 * written. What a power loss takes is what the disk had not synced yet, which JetStream had
 * acknowledged all the same. `sync` copies the store as a sync would leave it on disk; `crash` kills
 * the server with SIGKILL, puts that copy back, so that every write after it is lost, and starts the
 * server again on it.
 */
export function machineCrash(nats: DedicatedNats) {
  const synced = `${nats.storeDir}-synced`;
  return {
    sync(): void {
      rmSync(synced, { recursive: true, force: true });
      copyStore(nats.storeDir, synced);
    },
    async crash(): Promise<void> {
      await nats.kill();
      rmSync(nats.storeDir, { recursive: true, force: true });
      copyStore(synced, nats.storeDir);
      await nats.start();
    },
    dispose(): void {
      rmSync(synced, { recursive: true, force: true });
    },
  };
}

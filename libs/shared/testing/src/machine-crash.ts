import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { DedicatedNats } from './nats-server.js';

const isMessages = (file: string) => file.includes(`${sep}msgs${sep}`);

function copyStore(from: string, to: string, only: (file: string) => boolean = () => true): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(only);
  // Consumers' state before the streams' messages, so that `crash` leaves no consumer past its
  // stream's end; `crashKeepingConsumers` makes that case on purpose.
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
 * server again on it. `crashKeepingConsumers` is the crash after which the consumers' state reached the
 * disk but the streams' last messages did not.
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
    /**
     * Stops the server, so that it writes its consumers' state out, and puts back only the streams'
     * message files of the sync: consumers may then have delivered past their stream's end.
     */
    async crashKeepingConsumers(): Promise<void> {
      await nats.stop();
      const messageDirs = readdirSync(nats.storeDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name === 'msgs')
        .map((entry) => join(entry.parentPath, entry.name));
      for (const dir of messageDirs) rmSync(dir, { recursive: true, force: true });
      copyStore(synced, nats.storeDir, isMessages);
      await nats.start();
    },
    dispose(): void {
      rmSync(synced, { recursive: true, force: true });
    },
  };
}

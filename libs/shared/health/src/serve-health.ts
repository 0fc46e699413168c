import type { INestApplication } from '@nestjs/common';

/**
 * Opens a service's health listener on every interface (the kubelet probes the pod's address) and says
 * where. Port 0 takes a free one, for tests and for several services on one machine.
 */
export async function serveHealth(app: INestApplication, port: number): Promise<string> {
  await app.listen(port, '0.0.0.0');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

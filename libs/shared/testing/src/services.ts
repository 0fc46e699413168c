/** The shared servers of this machine kind; the global setup has found or started them. */
export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const NATS_URL = 'nats://127.0.0.1:4222';
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The labels that select each part; NetworkPolicies and Services are written against these alone. */
export const partOf = { 'app.kubernetes.io/part-of': 'aftersales' } as const;

export const appLabels = (app: string) => ({ ...partOf, 'app.kubernetes.io/name': app });

export const natsLabels = appLabels('nats');

export const POSTGRES_CLUSTER = 'aftersales-db';
/** CloudNativePG labels every instance pod of a cluster so. */
export const postgresLabels = { 'cnpg.io/cluster': POSTGRES_CLUSTER } as const;
/** The Secret CloudNativePG makes for the database's owner; `uri` is a ready connection URL. */
export const POSTGRES_APP_SECRET = `${POSTGRES_CLUSTER}-app`;

export const migrateLabels = appLabels('migrate');

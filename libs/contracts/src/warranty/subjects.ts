/** Request/reply subjects the warranty service answers on NATS. */
export const warrantySubjects = {
  lookup: 'aftersales.warranty.lookup',
} as const;

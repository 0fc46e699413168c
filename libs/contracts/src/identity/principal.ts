export const roles = ['customer', 'agent', 'engineer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is calling: a signed-in user, or a repair point's system with an API key. */
export type Principal =
  | { kind: 'user'; userId: string; role: Role; repairPointId?: string; sessionId: string }
  | { kind: 'api-key'; apiKeyId: string; role: 'engineer'; repairPointId: string };

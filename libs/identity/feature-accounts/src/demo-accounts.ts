import type { CreateUserRequest } from '@aftersales/contracts/identity';

/** One account per role for trying the product out; printed at start and in the README. */
export const DEMO_PASSWORD = 'aftersales-demo';

export const demoAccounts: CreateUserRequest[] = [
  { email: 'customer@example.com', displayName: '演示客户 Demo Customer', role: 'customer' },
  { email: 'agent@example.com', displayName: '演示客服 Demo Agent', role: 'agent' },
  {
    email: 'engineer@example.com',
    displayName: '演示工程师 Demo Engineer',
    role: 'engineer',
    repairPointId: 'rp-shenzhen',
  },
  { email: 'admin@example.com', displayName: '演示管理员 Demo Admin', role: 'admin' },
].map((account) => ({ ...account, password: DEMO_PASSWORD }) as CreateUserRequest);

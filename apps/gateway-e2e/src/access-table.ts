/**
 * Who may call each route of the gateway: written by hand from DESIGN §6 and what each route is for, and
 * reviewed like code. It is never read from the gateway (its `@Access` rules are what it checks): the
 * access-matrix test holds the router, the OpenAPI document and the answers of every route to this table.
 * A new route fails that test until it has a row here.
 */

export type Role = 'customer' | 'agent' | 'engineer' | 'admin';

export type Rule =
  | { public: true }
  /** `apiKeys`: a repair point's system may call it too. `owned`: the object in the path is one account's. */
  | { roles: Role[]; apiKeys?: true; owned?: 'session' | 'consultation' | 'attachment' };

const anyone: Rule = { public: true };
/** Every signed-in user; an API key acts for a repair point, not for a person, so it is not one. */
const signedIn: Rule = { roles: ['customer', 'agent', 'engineer', 'admin'] };
/** Only admins manage the registry, the service network, carriers, accounts and keys. */
const admins: Rule = { roles: ['admin'] };

export const accessTable: Record<string, Rule> = {
  // Probes and sign-in need no account.
  'GET /health/live': anyone,
  'GET /health/ready': anyone,
  'POST /api/auth/register': anyone,
  'POST /api/auth/login': anyone,
  'POST /api/auth/refresh': anyone,
  'POST /api/auth/logout': anyone,

  // A person's own account and sessions; another customer's session answers 404.
  'GET /api/me': signedIn,
  'GET /api/me/sessions': signedIn,
  'DELETE /api/me/sessions/{id}': { ...signedIn, owned: 'session' },

  // Consultations: customers open and chat in their own (another's answers 404); agents see and serve them all.
  'POST /api/consultations': { roles: ['customer'] },
  'GET /api/consultations': { roles: ['customer', 'agent'] },
  'GET /api/consultations/{id}': { roles: ['customer', 'agent'], owned: 'consultation' },
  'GET /api/consultations/{id}/messages': { roles: ['customer', 'agent'], owned: 'consultation' },
  'POST /api/consultations/{id}/messages': { roles: ['customer', 'agent'], owned: 'consultation' },
  'POST /api/consultations/{id}/read': { roles: ['customer', 'agent'], owned: 'consultation' },
  // A file a message carries: the consultation's customer and support; another customer's answers 404.
  'GET /api/attachments/{id}': { roles: ['customer', 'agent'], owned: 'attachment' },
  // Only agents take, hand over, resolve and convert.
  'POST /api/consultations/{id}/take': { roles: ['agent'] },
  'POST /api/consultations/{id}/hand-over': { roles: ['agent'] },
  'POST /api/consultations/{id}/resolve': { roles: ['agent'] },
  'POST /api/consultations/{id}/convert': { roles: ['agent'] },
  // Beside a consultation, support sees its customer's other consultations and repair orders; customers do not.
  'GET /api/consultations/{id}/earlier-tickets': { roles: ['agent'] },
  // The support team's canned replies, which its agents write and keep up (and admins, who oversee support).
  'GET /api/canned-replies': { roles: ['agent', 'admin'] },
  'POST /api/canned-replies': { roles: ['agent', 'admin'] },
  'PUT /api/canned-replies/{id}': { roles: ['agent', 'admin'] },
  'DELETE /api/canned-replies/{id}': { roles: ['agent', 'admin'] },
  // The active agents by name, to hand a consultation over to: staff only, never customers.
  'GET /api/agents': { roles: ['agent', 'admin'] },

  // Self-service repair: everyone reads the published guides and their images, signed in or not; support
  // (agents, and admins who oversee it) writes, publishes and withdraws them and sees drafts and versions;
  // a customer says whether a guide solved their problem.
  'GET /api/guides': anyone,
  'GET /api/guides/{id}': anyone,
  'GET /api/guide-images/{id}': anyone,
  'GET /api/guides/all': { roles: ['agent', 'admin'] },
  'GET /api/guides/{id}/draft': { roles: ['agent', 'admin'] },
  'GET /api/guides/{id}/versions': { roles: ['agent', 'admin'] },
  'GET /api/guides/{id}/versions/{version}': { roles: ['agent', 'admin'] },
  'POST /api/guides': { roles: ['agent', 'admin'] },
  'POST /api/guide-images': { roles: ['agent', 'admin'] },
  'PUT /api/guides/{id}': { roles: ['agent', 'admin'] },
  'POST /api/guides/{id}/publish': { roles: ['agent', 'admin'] },
  'POST /api/guides/{id}/withdraw': { roles: ['agent', 'admin'] },
  'POST /api/guides/{id}/feedback': { roles: ['customer'] },

  // A repair order by its diagnosis code: its customer's (another's answers 404), and support's.
  'GET /api/repair-orders/{diagnosisCode}': { roles: ['customer', 'agent'] },
  // Photos of its machines: the customer adds them to the form; they are seen through the order.
  'POST /api/repair-orders/{diagnosisCode}/photos': { roles: ['customer'] },
  'GET /api/repair-orders/{diagnosisCode}/photos/{photoId}': { roles: ['customer', 'agent'] },
  // The customer fills the mail-in form, corrects or cancels before receipt, and confirms the return.
  'POST /api/repair-orders/{diagnosisCode}/device-checks': { roles: ['customer'] },
  'POST /api/repair-orders/{diagnosisCode}/mail-in': { roles: ['customer'] },
  'PUT /api/repair-orders/{diagnosisCode}/outbound-shipment': { roles: ['customer'] },
  'POST /api/repair-orders/{diagnosisCode}/cancel': { roles: ['customer'] },
  'POST /api/repair-orders/{diagnosisCode}/confirm-receipt': { roles: ['customer'] },
  // "My tickets": a customer's own device lines.
  'GET /api/tickets': { roles: ['customer'] },

  // Warranty lookups are for everyone signed in; the repair-point finder is public.
  'GET /api/warranty/{sn}': signedIn,
  'POST /api/warranty/lookups': signedIn,
  'GET /api/repair-points': anyone,

  // The repair points' service API: their engineers, and their systems with an API key.
  'GET /api/repair-point/me': { roles: ['engineer'], apiKeys: true },
  // Only the orders sent to the caller's own point; another point's answers 404.
  'GET /api/repair-point/orders': { roles: ['engineer'], apiKeys: true },
  'GET /api/repair-point/orders/{diagnosisCode}': { roles: ['engineer'], apiKeys: true },
  'POST /api/repair-point/orders/{diagnosisCode}/photos': { roles: ['engineer'], apiKeys: true },
  'GET /api/repair-point/orders/{diagnosisCode}/photos/{photoId}': { roles: ['engineer'], apiKeys: true },
  'POST /api/repair-point/orders/{diagnosisCode}/receipt': { roles: ['engineer'], apiKeys: true },
  'POST /api/repair-point/orders/{diagnosisCode}/lines/{deviceOrderNo}/progress': {
    roles: ['engineer'],
    apiKeys: true,
  },
  'POST /api/repair-point/orders/{diagnosisCode}/return-shipment': { roles: ['engineer'], apiKeys: true },

  // Logistics: carriers are public; a shipment is its order's customer's (another's answers 404), its
  // repair point's, and support's and admins'; checkpoints by hand come from the point or an admin. The
  // tracking aggregator signs its pushes instead of signing in.
  'GET /api/carriers': anyone,
  'GET /api/shipments': { roles: ['customer', 'agent', 'engineer', 'admin'], apiKeys: true },
  'GET /api/shipments/{id}': { roles: ['customer', 'agent', 'engineer', 'admin'], apiKeys: true },
  'POST /api/shipments/{id}/checkpoints': { roles: ['engineer', 'admin'], apiKeys: true },
  'POST /api/logistics/webhooks/{provider}': anyone,
  'GET /api/admin/carriers': admins,
  'POST /api/admin/carriers': admins,
  'PUT /api/admin/carriers/{code}': admins,

  // Accounts and API keys.
  'GET /api/admin/users': admins,
  'POST /api/admin/users': admins,
  'PATCH /api/admin/users/{id}': admins,
  'POST /api/admin/users/{id}/disable': admins,
  'POST /api/admin/users/{id}/enable': admins,
  'GET /api/admin/audit': admins,
  'GET /api/admin/api-keys': admins,
  'POST /api/admin/api-keys': admins,
  'DELETE /api/admin/api-keys/{id}': admins,

  // The device registry and warranty policies.
  'GET /api/admin/warranty-policies': admins,
  'PUT /api/admin/warranty-policies': admins,
  'POST /api/admin/devices/{sn}/extensions': admins,
  'GET /api/admin/devices/{sn}/history': admins,
  'POST /api/admin/devices/imports': admins,
  'GET /api/admin/devices/imports/{id}': admins,
  'GET /api/admin/devices/imports/{id}/rejections': admins,
  'GET /api/admin/devices/imports/{id}/rejections.csv': admins,

  // The service network.
  'GET /api/admin/repair-points': admins,
  'POST /api/admin/repair-points': admins,
  'PUT /api/admin/repair-points/{id}': admins,
};

import { randomUUID } from 'node:crypto';

/** The demo accounts every mode seeds; their password is in the README. */
export const DEMO_PASSWORD = 'aftersales-demo';
export const demoEmail = {
  customer: 'customer@example.com',
  agent: 'agent@example.com',
  engineer: 'engineer@example.com',
  admin: 'admin@example.com',
} as const;

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for one product instance; a session keeps the refresh cookie like a browser. */
export class Client {
  private cookie?: string;

  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; apiKey?: string; headers?: Record<string, string> } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return answerOf<T>(response);
  }

  /** Sends a multipart/form-data body; fetch writes its boundary into the content type. */
  async upload<T = Record<string, unknown>>(
    path: string,
    form: FormData,
    token: string,
  ): Promise<Response<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return answerOf<T>(response);
  }

  /** Signs in and returns the access token; the refresh cookie stays with this client. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await this.call<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { email, password },
    });
    if (response.status !== 200)
      throw new Error(`sign-in as ${email} failed: ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }

  /** Registers a new customer account with a unique email and returns its access token. */
  async registerCustomer(name: string): Promise<string> {
    const response = await this.call<{ accessToken: string }>('POST', '/api/auth/register', {
      body: {
        email: `${name}.${randomUUID()}@example.com`,
        password: 'a long enough password',
        displayName: name,
      },
    });
    if (response.status !== 201)
      throw new Error(`registering ${name} failed: ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }

  get refreshCookie(): string | undefined {
    return this.cookie;
  }

  set refreshCookie(cookie: string | undefined) {
    this.cookie = cookie;
  }
}

/** A JSON body parsed; any other (a downloaded file) as its text. */
async function answerOf<T>(response: globalThis.Response): Promise<Response<T>> {
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') === true;
  return {
    status: response.status,
    body: (text && json ? JSON.parse(text) : text || undefined) as T,
    headers: response.headers,
  };
}

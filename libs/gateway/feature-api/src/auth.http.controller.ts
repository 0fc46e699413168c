import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandMetadata, UnauthenticatedError } from '@aftersales/contracts/common';
import {
  identityMessages,
  type RegisterRequest,
  registerRequestSchema,
  type SessionTokens,
  sessionTokensSchema,
  type SignInRequest,
  signInRequestSchema,
  type User,
} from '@aftersales/contracts/identity';
import { ServiceClient, ServiceError } from '@aftersales/shared-messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Access, anyUser, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { bearerToken } from './access/access.guard.js';
import { Metadata } from './command-metadata.js';
import { RateLimited } from './rate-limits/rate-limits.js';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options.js';
import { Refuses, Reply } from './openapi/responses.js';

const REFRESH_COOKIE = 'aftersales_refresh';

/** What a client keeps of a session: the refresh token stays in the httpOnly cookie. */
const signedInSchema = sessionTokensSchema.omit({ refreshToken: true }).meta({ id: 'SignedIn' });
export type SignedIn = z.infer<typeof signedInSchema>;
const refreshCookie = {
  'Set-Cookie': `${REFRESH_COOKIE}: the refresh token, httpOnly, that POST /api/auth/refresh takes`,
};

@ApiTags('auth')
@Controller('api')
export class AuthHttpController {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Post('auth/register')
  @RateLimited('registration')
  @Access({ public: true })
  @ApiOperation({ summary: 'Create a customer account and sign in' })
  @Reply(201, signedInSchema, refreshCookie)
  @Refuses(409)
  async register(
    @Body({ schema: registerRequestSchema }) body: RegisterRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Metadata() metadata: CommandMetadata,
  ): Promise<SignedIn> {
    return this.keep(
      reply,
      await this.services.request(
        identityMessages.register,
        { ...body, client: clientOf(request) },
        metadata,
      ),
    );
  }

  @Post('auth/login')
  @RateLimited('signIn')
  @Access({ public: true })
  @ApiOperation({ summary: 'Sign in: an access token, and the refresh token as an httpOnly cookie' })
  @Reply(200, signedInSchema, refreshCookie)
  @Refuses(401)
  async login(
    @Body({ schema: signInRequestSchema }) body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Metadata() metadata: CommandMetadata,
  ): Promise<SignedIn> {
    return this.keep(
      reply,
      await this.services.request(identityMessages.signIn, { ...body, client: clientOf(request) }, metadata),
    );
  }

  @Post('auth/refresh')
  @Access({ public: true })
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token and a new refresh cookie' })
  @Reply(200, signedInSchema, refreshCookie)
  @Refuses(401)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Metadata() metadata: CommandMetadata,
  ): Promise<SignedIn> {
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (!refreshToken)
      throw new UnauthenticatedError('There is no session to refresh; please sign in', {
        code: 'no_session',
      });
    try {
      return this.keep(
        reply,
        await this.services.request(identityMessages.refresh, { refreshToken }, metadata),
      );
    } catch (error) {
      // Only a refused session ends here; an identity service that is briefly away must not sign anyone out.
      if (error instanceof ServiceError && error.error.statusCode === 401) this.forget(reply);
      throw error;
    }
  }

  @Post('auth/logout')
  @Access({ public: true })
  @ApiOperation({ summary: 'End the session: its access and refresh tokens stop working at once' })
  @Reply(204)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Metadata() metadata: CommandMetadata,
  ): Promise<void> {
    const refreshToken = request.cookies[REFRESH_COOKIE];
    const accessToken = bearerToken(request);
    try {
      const principal = accessToken
        ? await this.services
            .request(identityMessages.authenticate, { accessToken }, metadata)
            .catch(() => undefined)
        : undefined;
      const sessionId = principal?.kind === 'user' ? principal.sessionId : undefined;
      if (refreshToken || sessionId) {
        await this.services.request(identityMessages.signOut, { refreshToken, sessionId }, metadata);
      }
    } finally {
      this.forget(reply);
    }
  }

  @Get('me')
  @Access({ roles: anyUser })
  @ApiOperation({ summary: 'The signed-in account' })
  @Reply(200, identityMessages.me.reply)
  me(@CurrentUser() { userId }: UserPrincipal, @Metadata() metadata: CommandMetadata): Promise<User> {
    return this.services.request(identityMessages.me, { userId }, metadata);
  }

  private keep(reply: FastifyReply, { refreshToken, ...session }: SessionTokens): SignedIn {
    void reply.setCookie(REFRESH_COOKIE, refreshToken, {
      httpOnly: true,
      secure: this.options.secureCookies,
      sameSite: 'strict',
      path: '/api/auth',
      maxAge: 30 * 24 * 60 * 60,
    });
    return session;
  }

  private forget(reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }
}

function clientOf(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { address: request.ip, ...(userAgent ? { userAgent } : {}) };
}

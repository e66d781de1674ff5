import { Inject, Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PARTNER_ALLOWED, PARTNER_ONLY, PROGRAM_ORIGINS } from '../auth/auth.decorators';
import { TtlCache } from '../cache/ttl-cache';
import { allowOrigin, CORS_ALLOWED_HEADERS } from './cors';
import { type HttpReply, type HttpRequest, requestPath, vary } from './http';
import { ProgramOriginsRepository } from './program-origins.repository';

/** A route partner pages may call (partner sessions, or public by publishable key). */
interface ProgramRoute {
  method: string;
  pattern: RegExp;
  /** Index of the `:publishableKey` capture, when the path names the program. */
  keyGroup: number | null;
}

/** Bounds memory: an origin pushed out is looked up again. */
const MAX_CACHED_ORIGINS = 10_000;

function joinPath(...parts: string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
}

function compile(path: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), params };
}

/**
 * Who may use the API from a browser page, before any handler runs:
 * - the admin app's origins (ADMIN_ORIGINS) on every route, with cookies;
 * - preflights of a partner-facing route (`@PartnerAllowed`, `@PartnerOnly`, `@ProgramOrigins`)
 *   from an origin the program allows — the program named in the path, or, when the program
 *   is known only from the token or body (not sent with a preflight), any live program; the
 *   route itself then checks the caller's own program (`assertOriginAllowed`) and only then
 *   lets the page read the answer;
 * - no one else: company routes answer other origins without any CORS header.
 * Actual (non-preflight) answers to other origins get their header from the route that
 * checked the origin (origins.ts), never from here.
 */
@Injectable()
export class CorsPolicy implements OnApplicationBootstrap {
  private routes: ProgramRoute[] = [];
  /** Origin → some live program allows it (PRINCIPAL_CACHE_SECONDS, like other credentials). */
  private readonly anyProgram: TtlCache<string, boolean>;
  /** `publishableKey origin` → that live program allows it. */
  private readonly byKey: TtlCache<string, boolean>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly origins: ProgramOriginsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const ttlMs = config.principalCacheSeconds * 1000;
    this.anyProgram = new TtlCache(ttlMs, MAX_CACHED_ORIGINS);
    this.byKey = new TtlCache(ttlMs, MAX_CACHED_ORIGINS);
  }

  onApplicationBootstrap(): void {
    const routes: ProgramRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const targets = [handler, controller];
        const partnerFacing = [PARTNER_ALLOWED, PARTNER_ONLY, PROGRAM_ORIGINS].some((key) =>
          this.reflector.getAllAndOverride<boolean>(key, targets),
        );
        if (!partnerFacing) continue;
        const paths = [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat() as string[];
        for (const prefix of base) {
          for (const path of paths) {
            const { pattern, params } = compile(joinPath(prefix, path));
            const keyIndex = params.indexOf('publishableKey');
            routes.push({
              method: RequestMethod[method],
              pattern,
              keyGroup: keyIndex === -1 ? null : keyIndex + 1,
            });
          }
        }
      }
    }
    this.routes = routes;
  }

  /**
   * The `onRequest` hook: answers preflights (ending the request), and opens every answer to
   * the admin origins. Runs before routing's handlers, so 404s and errors carry it too.
   */
  async onRequest(request: HttpRequest, reply: HttpReply): Promise<void> {
    const origin = request.headers.origin;
    vary(reply, 'Origin');
    const requested = request.headers['access-control-request-method'];
    if (request.method === 'OPTIONS' && typeof requested === 'string' && origin) {
      await this.preflight(request, reply, origin, requested.toUpperCase());
      return;
    }
    if (origin && this.config.adminOrigins.includes(origin)) allowOrigin(reply, origin, true);
  }

  /** The non-preflight part of onRequest(), for answers given before any hook runs. */
  openToAdmin(request: HttpRequest, reply: HttpReply): void {
    const origin = request.headers.origin;
    vary(reply, 'Origin');
    if (origin && this.config.adminOrigins.includes(origin)) allowOrigin(reply, origin, true);
  }

  private async preflight(
    request: HttpRequest,
    reply: HttpReply,
    origin: string,
    method: string,
  ): Promise<void> {
    let allowed = false;
    let credentials = false;
    if (this.config.adminOrigins.includes(origin)) {
      allowed = true;
      credentials = true;
    } else {
      const path = requestPath(request);
      const route = this.routes.find(
        (candidate) => candidate.method === method && candidate.pattern.test(path),
      );
      if (route) {
        const key =
          route.keyGroup === null
            ? null
            : decodeURIComponent(route.pattern.exec(path)?.[route.keyGroup] ?? '');
        allowed =
          key === null
            ? await this.someProgramAllows(origin)
            : await this.programAllows(key, origin);
      }
    }
    if (allowed) {
      allowOrigin(reply, origin, credentials);
      reply.header('Access-Control-Allow-Methods', method);
      reply.header('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '));
      reply.header('Access-Control-Max-Age', '600');
    }
    await reply.code(204).send();
  }

  private async someProgramAllows(origin: string): Promise<boolean> {
    const cached = this.anyProgram.get(origin);
    if (cached !== undefined) return cached;
    const allowed = await this.origins.anyProgramAllows(origin);
    this.anyProgram.set(origin, allowed);
    return allowed;
  }

  private async programAllows(publishableKey: string, origin: string): Promise<boolean> {
    const cacheKey = `${publishableKey} ${origin}`;
    const cached = this.byKey.get(cacheKey);
    if (cached !== undefined) return cached;
    const allowed = await this.origins.programAllows(publishableKey, origin);
    this.byKey.set(cacheKey, allowed);
    return allowed;
  }
}

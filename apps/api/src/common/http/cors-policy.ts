import { Inject, Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PARTNER_ALLOWED, PARTNER_ONLY, PROGRAM_ORIGINS } from '../auth/auth.decorators';
import { TtlCache } from '../cache/ttl-cache';
import { allowOrigin, CORS_ALLOWED_HEADERS } from './cors';
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

  /** Express middleware: answers preflights, and opens every answer to the admin origins. */
  middleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      const origin = request.headers.origin;
      response.vary('Origin');
      const requested = request.headers['access-control-request-method'];
      if (request.method === 'OPTIONS' && typeof requested === 'string' && origin) {
        this.preflight(request, response, origin, requested.toUpperCase()).catch(next);
        return;
      }
      if (origin && this.config.adminOrigins.includes(origin)) allowOrigin(response, origin, true);
      next();
    };
  }

  private async preflight(
    request: Request,
    response: Response,
    origin: string,
    method: string,
  ): Promise<void> {
    let allowed = false;
    let credentials = false;
    if (this.config.adminOrigins.includes(origin)) {
      allowed = true;
      credentials = true;
    } else {
      const route = this.routes.find(
        (candidate) => candidate.method === method && candidate.pattern.test(request.path),
      );
      if (route) {
        const key =
          route.keyGroup === null
            ? null
            : decodeURIComponent(route.pattern.exec(request.path)?.[route.keyGroup] ?? '');
        allowed =
          key === null
            ? await this.someProgramAllows(origin)
            : await this.programAllows(key, origin);
      }
    }
    if (allowed) {
      allowOrigin(response, origin, credentials);
      response.setHeader('Access-Control-Allow-Methods', method);
      response.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '));
      response.setHeader('Access-Control-Max-Age', '600');
    }
    response.status(204).end();
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

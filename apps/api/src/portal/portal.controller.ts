import { resolveLocale } from '@leadbridge/core';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import type { HttpReply } from '../common/http/http';
import { emailText } from '../notifications/i18n/email-text';
import { FormFirstLoadsRepository } from '../programs/form-first-loads.repository';
import { portalNotFoundPage, portalPage, portalStylesheet } from './portal.page';
import { PortalRepository } from './portal.repository';

/** An Accept-Language header's tags, most preferred first (`fr-CH, fr;q=0.9, en;q=0.8`). */
export function browserLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The hosted partner portal: a page per program at /p/<slug> for companies without a website
 * (or a developer), its stylesheet and its logo. Pages for people, left out of the OpenAPI
 * document. The page's own origin is allowed for partner calls to every program (origins.ts).
 */
@ApiExcludeController()
@Controller('p')
export class PortalController {
  constructor(
    private readonly portals: PortalRepository,
    private readonly firstLoads: FormFirstLoadsRepository,
  ) {}

  @Public()
  @Get(':address')
  async showPortal(
    @Param('address') address: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<string> {
    const program = await this.portals.find(address);
    response.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    response.header('Vary', 'Accept-Language');
    // The browser's languages, as the embedded widget follows them; else the program's default.
    const preferred = browserLanguages(acceptLanguage);
    const text = emailText(
      resolveLocale(
        preferred.length > 0
          ? [...preferred, program?.defaultLocale ?? 'en']
          : program?.defaultLocale,
      ),
    );
    if (!program || program.archived) {
      response.status(404);
      return portalNotFoundPage(text);
    }
    if (address !== program.slug) {
      // By id or in capitals: one address per portal, the one the company chose.
      response.status(301).header('Location', `/p/${encodeURIComponent(program.slug)}`);
      return '';
    }
    if (!program.formFirstLoaded) await this.firstLoads.record(program.id, 'portal');
    return portalPage(program, text);
  }

  @Public()
  @Get(':address/portal.css')
  async portalStylesheet(
    @Param('address') address: string,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<string> {
    const program = await this.portals.find(address);
    if (!program || program.archived) {
      response.status(404).type('text/css; charset=utf-8');
      return '';
    }
    // The page links it with ?v=<program version>: a settings change is a new URL at once.
    response.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300');
    return portalStylesheet(program);
  }

  @Public()
  @Get(':address/logo')
  async portalLogo(
    @Param('address') address: string,
    @Query('v') version: unknown,
    @Res() response: HttpReply,
  ): Promise<void> {
    const program = await this.portals.find(address);
    const logo = program && !program.archived ? await this.portals.logo(program.id) : null;
    if (!program || !logo) {
      response.status(404).type('text/plain').send('No logo');
      return;
    }
    response.header(
      'Cache-Control',
      version === program.logoVersion ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    response.header('Content-Disposition', 'inline');
    response.type(logo.type).send(logo.bytes);
  }
}

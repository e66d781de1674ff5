import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/auth.decorators';
import { FormFirstLoads } from '../programs/form-first-loads';
import { portalNotFoundPage, portalPage, portalStylesheet } from './portal.page';
import { PortalRepository } from './portal.repository';

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
    private readonly firstLoads: FormFirstLoads,
  ) {}

  @Public()
  @Get(':address')
  async showPortal(
    @Param('address') address: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const program = await this.portals.find(address);
    response.type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-cache');
    if (!program || program.archived) {
      response.status(404);
      return portalNotFoundPage();
    }
    if (address !== program.slug) {
      // By id or in capitals: one address per portal, the one the company chose.
      response.status(301).setHeader('Location', `/p/${encodeURIComponent(program.slug)}`);
      return '';
    }
    if (!program.formFirstLoaded) await this.firstLoads.record(program.id, 'portal');
    return portalPage(program);
  }

  @Public()
  @Get(':address/portal.css')
  async portalStylesheet(
    @Param('address') address: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const program = await this.portals.find(address);
    if (!program || program.archived) {
      response.status(404).type('text/css; charset=utf-8');
      return '';
    }
    // The page links it with ?v=<program version>: a settings change is a new URL at once.
    response.type('text/css; charset=utf-8').setHeader('Cache-Control', 'public, max-age=300');
    return portalStylesheet(program);
  }

  @Public()
  @Get(':address/logo')
  async portalLogo(
    @Param('address') address: string,
    @Query('v') version: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const program = await this.portals.find(address);
    const logo = program && !program.archived ? await this.portals.logo(program.id) : null;
    if (!program || !logo) {
      response.status(404).type('text/plain').send('No logo');
      return;
    }
    response.setHeader(
      'Cache-Control',
      version === program.logoVersion ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    response.setHeader('Content-Disposition', 'inline');
    response.type(logo.type).send(logo.bytes);
  }
}

import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import type { HttpReply } from '../common/http/http';
import { cspNonce } from '../common/http/security-headers';
import {
  invalidUnsubscribeLinkPage,
  unsubscribeConfirmPage,
  unsubscribedPage,
} from './templates/unsubscribe.page';
import { UnsubscribeService } from './unsubscribe.service';

function html(response: HttpReply, status: number, body: string): string {
  response.status(status).type('text/html; charset=utf-8');
  response.header('Cache-Control', 'no-store');
  response.header('Referrer-Policy', 'no-referrer');
  return body;
}

/**
 * The unsubscribe link in every partner email (pages for people, not API: left out of the
 * OpenAPI document). GET asks for confirmation; POST unsubscribes — from the page's button or a
 * mail client's RFC 8058 one-click (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
 */
@ApiExcludeController()
@Controller('v1/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Public()
  @Get()
  async showUnsubscribePage(
    @Query('token') token: unknown,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<string> {
    const target = typeof token === 'string' ? await this.unsubscribes.describe(token) : null;
    if (!target) return html(response, 404, invalidUnsubscribeLinkPage(cspNonce(response)));
    const action = `/v1/unsubscribe?token=${encodeURIComponent(String(token))}`;
    return html(response, 200, unsubscribeConfirmPage(target, action, cspNonce(response)));
  }

  @Public()
  @Post()
  @HttpCode(200)
  async unsubscribe(
    @Query('token') token: unknown,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<string> {
    const target = typeof token === 'string' ? await this.unsubscribes.unsubscribe(token) : null;
    if (!target) return html(response, 404, invalidUnsubscribeLinkPage(cspNonce(response)));
    return html(response, 200, unsubscribedPage(target, cspNonce(response)));
  }
}

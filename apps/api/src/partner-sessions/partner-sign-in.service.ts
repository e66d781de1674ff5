import { randomUUID } from 'node:crypto';
import type { Locale } from '@leadbridge/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { clientIp } from '../auth/client-ip';
import { assertOriginAllowed } from '../common/auth/origins';
import { ProblemException } from '../common/problem/problem';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { emailLocaleFor, emailText } from '../notifications/i18n/email-text';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { logoUrl } from '../programs/portal-links';
import type { PartnerSessionDto, SignInCodeRequestedDto } from './partner-sessions.dto';
import { PartnerSessionsService } from './partner-sessions.service';
import { signInCodeEmail } from './sign-in-code-email';
import {
  CODE_SESSION_SECONDS,
  generateSignInCode,
  hashSignInCode,
  SIGN_IN_CODE_MAX_ATTEMPTS,
  SIGN_IN_CODE_RATE_LIMITS,
  SIGN_IN_CODE_TTL_SECONDS,
  signInCodeMatches,
} from './sign-in-codes';

interface ProgramRow {
  id: string;
  company_id: string;
  name: string;
  allowed_origins: string[];
  company_name: string;
  brand_color: string | null;
  logo_version: string | null;
  default_locale: string;
}

interface PartnerRow {
  id: string;
  name: string;
  email: string;
  status: 'invited' | 'active';
  email_locale: string | null;
}

export type CodeFailure = 'invalid_code' | 'code_expired' | 'too_many_attempts';
type Verdict = 'ok' | CodeFailure;

const FAILURES: Record<CodeFailure, string> = {
  invalid_code: 'This code is not right. Check the latest email, or ask for a new code.',
  code_expired: 'This code has expired. Ask for a new code.',
  too_many_attempts: 'Too many wrong attempts: this code no longer works. Ask for a new code.',
};

/** No live program has the publishable key a partner page sent. */
export function programNotFound(): ProblemException {
  return new ProblemException(
    404,
    'program_not_found',
    'No active program has this publishable key. Check the publishable-key attribute.',
  );
}

/** The answer to a wrong, expired or exhausted code, shared by every code-confirming route. */
export function codeFailure(code: CodeFailure): ProblemException {
  return new ProblemException(422, code, FAILURES[code]);
}

/**
 * Email one-time-code sign-in for programs whose company has no backend to mint sessions.
 * Public, identified by the program's publishable key, and only from its allowed origins.
 */
@Injectable()
export class PartnerSignInService {
  constructor(
    private readonly db: DataSource,
    private readonly rateLimits: RateLimitService,
    private readonly mail: MailOutboxService,
    private readonly sessions: PartnerSessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestCode(
    request: Request,
    input: { publishableKey: string; email: string; locale?: Locale },
  ): Promise<SignInCodeRequestedDto> {
    const program = await this.program(request, input.publishableKey);
    // Limits run before the enrolment check so they answer alike for every email.
    await this.rateLimits.hit(
      `partner-code:ip:${clientIp(request)}`,
      ...SIGN_IN_CODE_RATE_LIMITS.requestsPerIp,
      'sign-in code requests',
    );
    await this.rateLimits.hit(
      `partner-code:email:${program.id}:${input.email}`,
      ...SIGN_IN_CODE_RATE_LIMITS.requestsPerEmail,
      'sign-in code requests for this email',
    );
    const partner = await this.enrolledPartner(program, input.email);
    if (partner) {
      const code = generateSignInCode();
      const codeId = randomUUID();
      await this.db.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO partner_sign_in_codes (id, company_id, program_id, partner_id, code_hash, expires_at)
           VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
          [
            codeId,
            program.company_id,
            program.id,
            partner.id,
            hashSignInCode(this.config.appSecret, codeId, code),
            SIGN_IN_CODE_TTL_SECONDS,
          ],
        );
        await this.mail.enqueue(
          manager,
          signInCodeEmail({
            companyId: program.company_id,
            codeId,
            to: partner.email,
            partnerName: partner.name,
            programName: program.name,
            code,
            minutes: SIGN_IN_CODE_TTL_SECONDS / 60,
            // The partner's own choice, else the language they are reading the widget in.
            text: emailText(
              emailLocaleFor(partner.email_locale, input.locale ?? program.default_locale),
            ),
            brand: {
              name: program.company_name,
              logoUrl: logoUrl(this.config.publicUrl, {
                id: program.id,
                logoVersion: program.logo_version,
              }),
              accent: program.brand_color,
            },
          }),
        );
      });
    }
    return {
      status: 'accepted',
      expiresInSeconds: SIGN_IN_CODE_TTL_SECONDS,
      detail: `If this email belongs to a partner of the program, a sign-in code is on its way. It expires in ${SIGN_IN_CODE_TTL_SECONDS / 60} minutes.`,
    };
  }

  async verifyCode(
    request: Request,
    input: { publishableKey: string; email: string; code: string },
  ): Promise<PartnerSessionDto> {
    const program = await this.program(request, input.publishableKey);
    await this.rateLimits.hit(
      `partner-code-verify:ip:${clientIp(request)}`,
      ...SIGN_IN_CODE_RATE_LIMITS.verificationsPerIp,
      'sign-in attempts',
    );
    const partner = await this.enrolledPartner(program, input.email);
    if (!partner) throw codeFailure('invalid_code');
    const verdict = await this.consumeCode(program, partner.id, input.code);
    if (verdict !== 'ok') throw codeFailure(verdict);
    if (partner.status === 'invited') {
      await this.sessions.markSignedIn(program.company_id, partner.id);
    }
    return this.sessions.issue(
      program.company_id,
      { id: partner.id, name: partner.name, email: partner.email },
      { id: program.id, name: program.name },
      CODE_SESSION_SECONDS,
    );
  }

  /**
   * Checks the code against the partner's newest one and counts the attempt. Runs in its own
   * transaction so the count survives a wrong code (the caller throws after commit).
   */
  private consumeCode(program: ProgramRow, partnerId: string, code: string): Promise<Verdict> {
    return this.db.transaction(async (manager) => {
      const rows: {
        id: string;
        code_hash: string;
        attempts: number;
        expired: boolean;
        consumed_at: Date | null;
      }[] = await manager.query(
        `SELECT id, code_hash, attempts, expires_at <= now() AS expired, consumed_at
           FROM partner_sign_in_codes
          WHERE company_id = $1 AND program_id = $2 AND partner_id = $3
          ORDER BY created_at DESC LIMIT 1
          FOR UPDATE`,
        [program.company_id, program.id, partnerId],
      );
      // Only the newest code counts: asking for a new code retires the older ones.
      const latest = rows[0];
      if (!latest || latest.consumed_at) return 'invalid_code';
      if (latest.attempts >= SIGN_IN_CODE_MAX_ATTEMPTS) return 'too_many_attempts';
      if (latest.expired) return 'code_expired';
      const ok = signInCodeMatches(this.config.appSecret, latest.id, code, latest.code_hash);
      await manager.query(
        `UPDATE partner_sign_in_codes
            SET attempts = attempts + 1, consumed_at = CASE WHEN $2::boolean THEN now() END
          WHERE id = $1`,
        [latest.id, ok],
      );
      return ok ? 'ok' : 'invalid_code';
    });
  }

  /** The live program behind a publishable key, checked against the caller's Origin. */
  private async program(request: Request, publishableKey: string): Promise<ProgramRow> {
    const rows: ProgramRow[] = await this.db.query(
      `SELECT g.id, g.company_id, g.name, g.allowed_origins, g.brand_color, g.logo_version,
              g.default_locale, c.name AS company_name
         FROM programs g JOIN companies c ON c.id = g.company_id
        WHERE g.publishable_key = $1 AND g.archived_at IS NULL`,
      [publishableKey],
    );
    const program = rows[0];
    if (!program) throw programNotFound();
    assertOriginAllowed(request, program.allowed_origins, this.config);
    return program;
  }

  /** The partner with this email, actively enrolled in the program (same rules as the resolver). */
  private async enrolledPartner(program: ProgramRow, email: string): Promise<PartnerRow | null> {
    const rows: PartnerRow[] = await this.db.query(
      `SELECT p.id, p.name, p.email, p.status, p.email_locale
         FROM partners p
         JOIN partnerships ps ON ps.partner_id = p.id AND ps.company_id = p.company_id
        WHERE p.company_id = $1 AND lower(p.email) = $2 AND ps.program_id = $3
          AND ps.status = 'active' AND p.status <> 'archived'`,
      [program.company_id, email, program.id],
    );
    return rows[0] ?? null;
  }
}

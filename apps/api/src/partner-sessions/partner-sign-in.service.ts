import { randomUUID } from 'node:crypto';
import type { Locale } from '@leadbridge/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clientIp } from '../auth/client-ip';
import { assertOriginAllowed } from '../common/auth/origins';
import type { HttpRequest } from '../common/http/http';
import { ProblemException } from '../common/problem/problem';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { emailLocaleFor, emailText } from '../notifications/i18n/email-text';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { logoUrl } from '../programs/portal-links';
import type { PartnerSessionDto, SignInCodeRequestedDto } from './partner-sessions.dto';
import {
  PartnerSessionsRepository,
  type SignInPartnerRow,
  type SignInProgramRow,
} from './partner-sessions.repository';
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
    private readonly repository: PartnerSessionsRepository,
    private readonly rateLimits: RateLimitService,
    private readonly mail: MailOutboxService,
    private readonly sessions: PartnerSessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async requestCode(
    request: HttpRequest,
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
        await this.repository.insertCode(manager, {
          id: codeId,
          companyId: program.company_id,
          programId: program.id,
          partnerId: partner.id,
          codeHash: hashSignInCode(this.config.appSecret, codeId, code),
          ttlSeconds: SIGN_IN_CODE_TTL_SECONDS,
        });
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
    request: HttpRequest,
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
  private consumeCode(
    program: SignInProgramRow,
    partnerId: string,
    code: string,
  ): Promise<Verdict> {
    return this.db.transaction(async (manager) => {
      // Only the newest code counts: asking for a new code retires the older ones.
      const latest = await this.repository.latestCode(
        manager,
        program.company_id,
        program.id,
        partnerId,
      );
      if (!latest || latest.consumed_at) return 'invalid_code';
      if (latest.attempts >= SIGN_IN_CODE_MAX_ATTEMPTS) return 'too_many_attempts';
      if (latest.expired) return 'code_expired';
      const ok = signInCodeMatches(this.config.appSecret, latest.id, code, latest.code_hash);
      await this.repository.countAttempt(manager, latest.id, ok);
      return ok ? 'ok' : 'invalid_code';
    });
  }

  /** The live program behind a publishable key, checked against the caller's Origin. */
  private async program(request: HttpRequest, publishableKey: string): Promise<SignInProgramRow> {
    const program = await this.repository.programByPublishableKey(publishableKey);
    if (!program) throw programNotFound();
    assertOriginAllowed(request, program.allowed_origins, this.config);
    return program;
  }

  /** The partner with this email, actively enrolled in the program (same rules as the resolver). */
  private async enrolledPartner(
    program: SignInProgramRow,
    email: string,
  ): Promise<SignInPartnerRow | null> {
    return this.repository.enrolledPartner(program.company_id, program.id, email);
  }
}

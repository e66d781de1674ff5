import { randomUUID } from 'node:crypto';
import {
  isLocale,
  type LeadFormSchema,
  type Locale,
  normalizeUrl,
  validateLead,
} from '@leadbridge/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clientIp } from '../auth/client-ip';
import { assertOriginAllowed, explainToOrigin } from '../common/auth/origins';
import type { HttpRequest } from '../common/http/http';
import { type FieldIssue, forbidden, validationProblem } from '../common/problem/problem';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { emailText } from '../notifications/i18n/email-text';
import { MailOutboxService } from '../notifications/mail-outbox.service';
import { PartnerSessionsService } from '../partner-sessions/partner-sessions.service';
// Word for word the sign-in's answers: a confirmation for an email with no application falls
// through to sign-in, and other words would tell who has applied.
import {
  codeFailure,
  PartnerSignInService,
  programNotFound,
} from '../partner-sessions/partner-sign-in.service';
import {
  CODE_SESSION_SECONDS,
  generateSignInCode,
  hashSignInCode,
  SIGN_IN_CODE_MAX_ATTEMPTS,
  SIGN_IN_CODE_RATE_LIMITS,
  SIGN_IN_CODE_TTL_SECONDS,
  signInCodeMatches,
} from '../partner-sessions/sign-in-codes';
import { logoUrl } from '../programs/portal-links';
import { ApplicationDecisions } from './application-decisions.service';
import { applicationCodeEmail } from './application-emails';
import type {
  ApplicationCodeSentDto,
  ApplicationConfirmedDto,
  ApplyBody,
  ConfirmApplicationBody,
} from './applications.dto';
import { ApplicationsRepository, type ApplyProgram } from './applications.repository';

const MAX_PUBLISHABLE_KEY_LENGTH = 100;

/**
 * Applying to join a program from the widget or the hosted portal: the applicant's details and
 * answers, then the emailed code that proves the address (ADR 0020).
 */
@Injectable()
export class ApplyService {
  constructor(
    private readonly db: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly decisions: ApplicationDecisions,
    private readonly rateLimits: RateLimitService,
    private readonly mail: MailOutboxService,
    private readonly signIn: PartnerSignInService,
    private readonly sessions: PartnerSessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(request: HttpRequest, body: ApplyBody): Promise<ApplicationCodeSentDto> {
    const program = await this.program(request, body.publishableKey);
    if (program.applications === 'closed') {
      throw forbidden(
        'applications_closed',
        `${program.name} does not take applications: partners join by invitation.`,
      );
    }
    const locale: Locale =
      body.locale ?? (isLocale(program.defaultLocale) ? program.defaultLocale : 'en');
    const details = this.checkDetails(program, body, locale);
    // Limits run before the partner check so they answer alike for every email.
    await this.rateLimits.hit(
      `apply:ip:${clientIp(request)}`,
      ...SIGN_IN_CODE_RATE_LIMITS.requestsPerIp,
      'applications',
    );
    await this.rateLimits.hit(
      `apply:email:${program.id}:${body.email}`,
      ...SIGN_IN_CODE_RATE_LIMITS.requestsPerEmail,
      'applications with this email',
    );
    const answer: ApplicationCodeSentDto = {
      status: 'accepted',
      expiresInSeconds: SIGN_IN_CODE_TTL_SECONDS,
      detail: `A code to confirm the application is on its way to ${body.email}. It expires in ${SIGN_IN_CODE_TTL_SECONDS / 60} minutes.`,
    };
    if (await this.applications.isEnrolled(program, body.email)) {
      // Already a partner: a sign-in code instead, and the same answer as for anyone else.
      await this.signIn.requestCode(request, {
        publishableKey: body.publishableKey,
        email: body.email,
        locale,
      });
      return answer;
    }
    const code = generateSignInCode();
    await this.db.transaction(async (manager) => {
      const id = await this.applications.upsertOpen(
        manager,
        program,
        { ...details, locale },
        SIGN_IN_CODE_TTL_SECONDS,
      );
      await this.applications.setCode(
        manager,
        program.companyId,
        id,
        hashSignInCode(this.config.appSecret, id, code),
      );
      await this.mail.enqueue(
        manager,
        applicationCodeEmail({
          companyId: program.companyId,
          to: body.email,
          applicantName: body.name,
          programName: program.name,
          code,
          minutes: SIGN_IN_CODE_TTL_SECONDS / 60,
          brand: {
            name: program.companyName,
            logoUrl: logoUrl(this.config.publicUrl, program),
            accent: program.brandColor,
          },
          text: emailText(locale),
          // Every request is its own code: a second one must be sent, not swallowed.
          dedupeKey: `application-code:${id}:${randomUUID()}`,
        }),
      );
    });
    return answer;
  }

  async confirm(
    request: HttpRequest,
    body: ConfirmApplicationBody,
  ): Promise<ApplicationConfirmedDto> {
    const program = await this.program(request, body.publishableKey);
    await this.rateLimits.hit(
      `apply-confirm:ip:${clientIp(request)}`,
      ...SIGN_IN_CODE_RATE_LIMITS.verificationsPerIp,
      'confirmation attempts',
    );
    const outcome = await this.db.transaction(async (manager) => {
      const application = await this.applications.openWithCode(manager, program, body.email);
      if (!application) return 'no_application' as const;
      if (application.codeAttempts >= SIGN_IN_CODE_MAX_ATTEMPTS) return 'too_many_attempts';
      if (application.expired) return 'code_expired';
      const ok = signInCodeMatches(
        this.config.appSecret,
        application.id,
        body.code,
        application.codeHash ?? '',
      );
      await this.applications.recordAttempt(manager, application, ok);
      if (!ok) return 'invalid_code';
      if (program.applications === 'auto') {
        const partner = await this.decisions.enrolConfirmed(manager, program, application);
        return { partner };
      }
      await this.decisions.confirmPending(manager, program, application);
      return 'pending' as const;
    });
    if (outcome === 'no_application') {
      // The applicant was already a partner and got a sign-in code: the same code step signs in.
      const session = await this.signIn.verifyCode(request, body);
      return { status: 'signed_in', session };
    }
    if (outcome === 'pending') return { status: 'pending' };
    if (typeof outcome === 'string') throw codeFailure(outcome);
    await this.sessions.markSignedIn(program.companyId, outcome.partner.id);
    const session = await this.sessions.issue(
      program.companyId,
      { id: outcome.partner.id, name: outcome.partner.name, email: outcome.partner.email },
      { id: program.id, name: program.name },
      CODE_SESSION_SECONDS,
    );
    return { status: 'enrolled', session };
  }

  /** Every problem with the details at once, each naming its field. */
  private checkDetails(program: ApplyProgram, body: ApplyBody, locale: Locale) {
    const errors: FieldIssue[] = [];
    const domain = body.email.slice(body.email.lastIndexOf('@') + 1);
    if (program.applicationDomains.length > 0 && !program.applicationDomains.includes(domain)) {
      errors.push({
        field: 'email',
        code: 'email_domain_not_allowed',
        message: `${program.name} takes applications only from addresses at ${program.applicationDomains.join(', ')}.`,
      });
    }
    let website: string | null = null;
    if (body.website) {
      website = normalizeUrl(body.website);
      if (!website) {
        errors.push({
          field: 'website',
          code: 'invalid_url',
          message: 'Website must be a web address, e.g. https://example.com.',
        });
      }
    }
    const answers = checkAnswers(
      program.applicationQuestions,
      { email: body.email, fields: body.answers ?? {} },
      locale,
      errors,
    );
    if (errors.length > 0) throw validationProblem(errors);
    return {
      name: body.name,
      email: body.email,
      companyName: body.company || null,
      website,
      answers,
    };
  }

  /** The live program behind a publishable key, checked against the caller's Origin. */
  private async program(request: HttpRequest, publishableKey: string): Promise<ApplyProgram> {
    const program =
      publishableKey.length <= MAX_PUBLISHABLE_KEY_LENGTH
        ? await this.applications.programByPublishableKey(publishableKey)
        : null;
    if (!program) {
      explainToOrigin(request);
      throw programNotFound();
    }
    assertOriginAllowed(request, program.allowedOrigins, this.config);
    return program;
  }
}

/** Answers checked with the lead form's rules (unknown keys refused); errors name `answers.<key>`. */
function checkAnswers(
  questions: LeadFormSchema,
  input: { email: string; fields: Record<string, unknown> },
  locale: Locale,
  errors: FieldIssue[],
): Record<string, unknown> {
  // The validator checks a whole lead, whose email is always required: the applicant's (already
  // checked) stands in, so only the answers are reported.
  const result = validateLead(questions, input, { locale });
  if (result.ok) return result.value.fields;
  for (const error of result.errors.filter((issue) => issue.field.startsWith('fields.'))) {
    errors.push({
      field: error.field.replace(/^fields\./, 'answers.'),
      code: error.code,
      message: error.message,
    });
  }
  return {};
}

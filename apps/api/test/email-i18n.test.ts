import { SUPPORTED_LOCALES } from '@leadbridge/core';
import {
  type CaughtMail,
  type MailCatcher,
  startMailCatcher,
} from '@leadbridge/devkit/mail-catcher';
import {
  applicationCodeEmail,
  applicationDeclinedEmail,
} from '../src/applications/application-emails';
import { EMAIL_CATALOGS, emailText } from '../src/notifications/i18n/email-text';
import { en } from '../src/notifications/i18n/en';
import { commissionStatusEmail } from '../src/notifications/templates/commission-status.email';
import { importCompletedEmail } from '../src/notifications/templates/import-completed.email';
import { leadStageEmail } from '../src/notifications/templates/lead-stage.email';
import { companyMessageEmail } from '../src/notifications/templates/message.email';
import type { PartnerEmailFrame } from '../src/notifications/templates/partner-frame';
import { winEarnings } from '../src/notifications/templates/win-earnings';
import { signInCodeEmail } from '../src/partner-sessions/sign-in-code-email';
import { partnerInviteEmail } from '../src/partners/partner-invite.email';
import { eventually, partnerOf } from './support/fixtures';
import { importEnv, upload } from './support/imports';
import { moveLead, submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const PLURAL = /\.(zero|one|two|few|many|other)$/;

/** Texts that read the same as in English on purpose: a loanword, a signature. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  all: ['fact.lead', 'invite.signature'],
  fr: ['commission.fact.commission'],
  it: ['fact.email', 'import.fact.file'],
};

describe('partner emails in every language', () => {
  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every text, plural form and placeholder, and no English left',
    (locale) => {
      const catalog: Readonly<Record<string, string>> = EMAIL_CATALOGS[locale];
      const english: Readonly<Record<string, string>> = en;
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const expected = new Set<string>();
      for (const key of Object.keys(english)) {
        const base = key.replace(PLURAL, '');
        if (base !== key && Object.hasOwn(english, `${base}.other`)) {
          for (const category of categories) expected.add(`${base}.${category}`);
        } else expected.add(key);
      }
      expect(Object.keys(catalog).sort()).toEqual([...expected].sort());
      const same = new Set([...(SAME_AS_ENGLISH.all ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
      const problems: string[] = [];
      for (const [key, text] of Object.entries(catalog)) {
        const original = english[key] ?? english[`${key.replace(PLURAL, '')}.other`] ?? '';
        if (placeholders(text).join() !== placeholders(original).join()) {
          problems.push(`${key}: placeholders ${placeholders(text)} ≠ ${placeholders(original)}`);
        }
        if (text === original && !same.has(key)) problems.push(`${key}: still English`);
      }
      expect(problems).toEqual([]);
    },
  );

  /** Every template, rendered in a language with the same data. */
  function renderAll(locale: (typeof SUPPORTED_LOCALES)[number]) {
    const text = emailText(locale);
    const frame: PartnerEmailFrame = {
      partnerName: 'Ana Souza',
      companyName: 'Northwind',
      programName: 'Northwind Partners',
      portalUrl: 'https://northwind.example/partners',
      brand: { name: 'Northwind', logoUrl: null, accent: '#0b7285' },
      unsubscribeUrl: 'https://api.example/v1/unsubscribe?token=x',
      kind: 'lead_stage',
      text,
    };
    const offer = {
      rules: [
        {
          kind: 'flat' as const,
          stage: 'closed_won' as const,
          amount: { amount: 150000, currency: 'EUR' },
        },
        { kind: 'percentage' as const, basisPoints: 1250, months: 12 },
      ],
    };
    return [
      leadStageEmail(frame, {
        leadName: 'Jane Doe',
        leadEmail: 'jane@example.com',
        leadCompany: 'Acme',
        fromLabel: 'A',
        toLabel: 'B',
        reason: null,
        earned: winEarnings(offer, {}, 'Jane Doe', 'Northwind', text),
      }),
      importCompletedEmail(
        { ...frame, kind: 'import_completed' },
        {
          fileName: 'leads.csv',
          failed: false,
          error: null,
          rowsTotal: 1204,
          rowsImported: 1200,
          rowsDuplicate: 3,
          rowsFailed: 1,
        },
      ),
      importCompletedEmail(frame, {
        fileName: 'leads.csv',
        failed: true,
        error: 'boom',
        rowsTotal: null,
        rowsImported: 0,
        rowsDuplicate: 0,
        rowsFailed: 0,
      }),
      commissionStatusEmail(
        { ...frame, kind: 'commission' },
        {
          status: 'paid',
          amount: text.money({ amount: 150000, currency: 'EUR' }),
          description: 'x',
          leadName: 'Jane Doe',
        },
      ),
      commissionStatusEmail(frame, {
        status: 'approved',
        amount: 'x',
        description: 'x',
        leadName: 'Jane Doe',
      }),
      companyMessageEmail(
        { ...frame, kind: 'message' },
        { authorName: 'Bo', subject: 'Hi', body: 'Hello', leadName: 'Jane Doe' },
      ),
      companyMessageEmail(frame, {
        authorName: 'Bo',
        subject: 'Hi',
        body: 'Hello',
        leadName: null,
      }),
      partnerInviteEmail({
        companyId: 'c',
        companyName: 'Northwind',
        partnerName: 'Ana Souza',
        partnerEmail: 'ana@example.com',
        programs: [
          { name: 'Northwind Partners', portalUrl: 'https://x.example', offer, stageLabels: {} },
          { name: 'Northwind Resellers', portalUrl: 'https://y.example', offer, stageLabels: {} },
        ],
        brand: frame.brand,
        text,
        dedupeKey: 'k',
      }),
      signInCodeEmail({
        companyId: 'c',
        codeId: 'id',
        to: 'ana@example.com',
        partnerName: 'Ana Souza',
        programName: 'Northwind Partners',
        code: '123456',
        minutes: 10,
        brand: frame.brand,
        text,
      }),
      applicationCodeEmail({
        companyId: 'c',
        to: 'ana@example.com',
        applicantName: 'Ana Souza',
        programName: 'Northwind Partners',
        code: '123456',
        minutes: 10,
        brand: frame.brand,
        text,
        dedupeKey: 'k',
      }),
      partnerInviteEmail({
        companyId: 'c',
        companyName: 'Northwind',
        partnerName: 'Ana Souza',
        partnerEmail: 'ana@example.com',
        programs: [
          { name: 'Northwind Partners', portalUrl: 'https://x.example', offer, stageLabels: {} },
        ],
        brand: frame.brand,
        text,
        dedupeKey: 'k',
        approved: true,
      }),
      applicationDeclinedEmail({
        companyId: 'c',
        to: 'ana@example.com',
        applicantName: 'Ana Souza',
        programName: 'Northwind Partners',
        brand: frame.brand,
        text,
        reason: 'We only work with agencies in Germany for now.',
        dedupeKey: 'k',
      }),
    ];
  }

  it.each(SUPPORTED_LOCALES)(
    'renders every email in %s with every placeholder filled',
    (locale) => {
      const emails = renderAll(locale);
      const english = renderAll('en');
      emails.forEach((email, index) => {
        for (const part of [email.subject, email.text, email.html]) {
          expect(part).not.toMatch(/\{\w+\}/);
        }
        expect(email.html).toContain(`<html lang="${locale}">`);
        if (locale !== 'en') {
          expect(email.subject).not.toBe(english[index]?.subject);
          expect(email.text).not.toBe(english[index]?.text);
        }
      });
    },
  );

  it('writes numbers, money, plurals and lists as each language does', () => {
    const nbsp = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');
    const [stage, imported, , , , , , invite, code] = renderAll('fr');
    expect(nbsp(stage?.text ?? '')).toContain(
      'Vous avez gagné 1 500,00 € pour ce lead au statut « Gagné ».',
    );
    expect(nbsp(stage?.text ?? '')).toContain(
      'Vous gagnez aussi 12,5 % de chaque paiement que Jane Doe effectuera au cours des 12 prochains mois.',
    );
    expect(nbsp(imported?.subject ?? '')).toBe(
      'Votre import de leads.csv est terminé : 1 200 leads soumis, 4 lignes à vérifier',
    );
    expect(nbsp(imported?.text ?? '')).toContain('Lignes dans le fichier: 1 204');
    expect(invite?.text).toContain(
      'Northwind vous a inscrit à Northwind Partners et Northwind Resellers.',
    );
    expect(code?.subject).toBe('123456 est votre code de connexion à Northwind Partners');
    const [, importedNl] = renderAll('nl');
    expect(importedNl?.subject).toBe(
      'Je import van leads.csv is klaar: 1.200 leads ingediend, 4 rijen vragen aandacht',
    );
    const one = emailText('pt-BR');
    expect(one.t('import.submitted', { count: 1 })).toBe('1 lead enviado');
    expect(one.t('import.submitted', { count: 0 })).toBe('0 lead enviado');
    expect(one.t('import.submitted', { count: 1_000_000 })).toBe('1.000.000 de leads enviados');
    expect(emailText('es').t('import.submitted', { count: 0 })).toBe('0 leads enviados');
  });
});

describe('the language partners get their emails in', () => {
  const ORIGIN = 'https://partners.example.com';
  let catcher: MailCatcher;
  let api: TestApi;
  let tenant: SeededTenant;
  const mailsTo = (address: string) => catcher.messages().filter((m) => m.to.includes(address));
  const waitFor = (address: string, match: (mail: CaughtMail) => boolean, what: string) =>
    eventually(() => mailsTo(address).find(match), what);

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApi(
      importEnv({ SMTP_URL: catcher.smtpUrl, MAIL_RETRY_DELAY_SECONDS: '1' }),
    );
    tenant = await seedTenant(api.db, { partners: 3, allowedOrigins: [ORIGIN] });
  });
  afterAll(async () => {
    await api.close();
    await catcher.stop();
  });

  it('is the program’s default, which the company sets, until the partner chooses their own', async () => {
    const program = await api.http.patch(
      `/v1/programs/${tenant.programId}`,
      { defaultLocale: 'es' },
      { token: tenant.apiKey },
    );
    expect(program.status).toBe(200);
    expect(program.body.defaultLocale).toBe('es');
    const refused = await api.http.patch(
      `/v1/programs/${tenant.programId}`,
      { defaultLocale: 'sv' },
      { token: tenant.apiKey },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('defaultLocale');

    const french = partnerOf(tenant, 0);
    const spanish = partnerOf(tenant, 1);
    const before = await api.http.get('/v1/notification-preferences', { token: french.token });
    expect(before.body).toMatchObject({ emailLocale: null, programLocale: 'es' });
    const chosen = await api.http.patch(
      '/v1/notification-preferences',
      { emailLocale: 'fr' },
      { token: french.token },
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ emailLocale: 'fr', programLocale: 'es', lead_stage: true });
    const wrong = await api.http.patch(
      '/v1/notification-preferences',
      { emailLocale: 'klingon' },
      { token: french.token },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('emailLocale');

    const lead = await submitLead(api, french.token, { firstName: 'Claire', lastName: 'Dubois' });
    await moveLead(api, tenant, lead.id, 'qualified');
    const inFrench = await waitFor(
      french.email,
      (m) => m.subject.startsWith('Claire'),
      'the stage email',
    );
    expect(inFrench.subject).toMatch(/^Claire Dubois est maintenant au statut «\s?Qualifié\s?» – /);
    expect(inFrench.text).toContain('Bonjour ');
    expect(inFrench.html).toContain('<html lang="fr">');

    const other = await submitLead(api, spanish.token, { firstName: 'Lucía', lastName: 'Gómez' });
    await moveLead(api, tenant, other.id, 'qualified');
    const inSpanish = await waitFor(
      spanish.email,
      (m) => m.subject.startsWith('Lucía'),
      'the stage email',
    );
    expect(inSpanish.subject).toMatch(/^Lucía Gómez ahora está en «Calificado» – /);
    expect(inSpanish.text).toContain('Estado nuevo: Calificado');

    const csv = ['Email,First name', 'pablo@example.com,Pablo', 'no-email,Bad'].join('\n');
    expect((await upload(api, csv, { token: spanish.token, fileName: 'q4.csv' })).status).toBe(202);
    const imported = await waitFor(
      spanish.email,
      (m) => m.subject.includes('q4.csv'),
      'the import email',
    );
    expect(imported.subject).toBe(
      'Tu importación de q4.csv ha terminado: 1 lead enviado, 1 fila requiere revisión',
    );

    // Back to the program's default.
    const reset = await api.http.patch(
      '/v1/notification-preferences',
      { emailLocale: null },
      { token: french.token },
    );
    expect(reset.body).toMatchObject({ emailLocale: null, programLocale: 'es' });
  });

  it('writes sign-in codes in the partner’s language, else the one they read the widget in', async () => {
    const reader = partnerOf(tenant, 2);
    const request = (email: string, locale?: string) =>
      api.http.post(
        '/v1/partner-sign-in/codes',
        { publishableKey: tenant.publishableKey, email, ...(locale ? { locale } : {}) },
        { headers: { origin: ORIGIN } },
      );
    expect((await request(reader.email, 'it')).status).toBe(202);
    const italian = await waitFor(reader.email, (m) => /codice/.test(m.subject), 'the code email');
    expect(italian.subject).toMatch(/^\d{6} è il tuo codice di accesso a /);
    expect(italian.text).toContain('Scade tra 10 minuti');

    await api.http.patch(
      '/v1/notification-preferences',
      { emailLocale: 'nl' },
      { token: reader.token },
    );
    expect((await request(reader.email, 'it')).status).toBe(202);
    const dutch = await waitFor(reader.email, (m) => /inlogcode/.test(m.subject), 'the code email');
    expect(dutch.subject).toMatch(/^\d{6} is je inlogcode voor /);

    // The unsubscribe page speaks as the emails do.
    const header = dutch.headers['list-unsubscribe'];
    expect(header).toBeUndefined();
    const stage = await submitLead(api, reader.token, { firstName: 'Daan', lastName: 'Visser' });
    await moveLead(api, tenant, stage.id, 'qualified');
    const mail = await waitFor(
      reader.email,
      (m) => m.subject.startsWith('Daan'),
      'the stage email',
    );
    const link = new URL((mail.headers['list-unsubscribe'] ?? '').replace(/^<|>$/g, ''));
    const page = await api.http.get(`${link.pathname}${link.search}`);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('Afmelden voor ‘Statusupdates van leads’?');
  });

  it('shows the hosted portal in the browser’s language, else the program’s default', async () => {
    const program = await api.http.get(`/v1/programs/${tenant.programId}`, {
      token: tenant.apiKey,
    });
    const address = `/p/${program.body.slug}`;
    const dutch = await api.http.get(address, {
      headers: { 'accept-language': 'sv-SE, nl-BE;q=0.9, en;q=0.5' },
    });
    expect(dutch.headers.get('vary')).toContain('Accept-Language');
    expect(dutch.text).toContain('<html lang="nl">');
    expect(dutch.text).toContain('Nog geen partner? Vraag ');
    const fallback = await api.http.get(address, { headers: { 'accept-language': 'sv-SE' } });
    expect(fallback.text).toContain('<html lang="es">');
    expect(fallback.text).toContain('¿Todavía no eres partner?');
    const missing = await api.http.get('/p/no-such-portal', {
      headers: { 'accept-language': 'pt-BR,pt;q=0.9' },
    });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Este portal de parceiros não existe');
  });

  it('writes invitations in the program’s default language', async () => {
    const created = await api.http.post(
      '/v1/partners',
      {
        name: 'Agência Sol',
        email: 'ola@sol.example',
        programIds: [tenant.programId],
        invite: true,
      },
      { token: tenant.apiKey },
    );
    expect(created.status).toBe(201);
    const { rows } = await api.db.query(
      `SELECT subject, text_body FROM email_outbox WHERE recipient = $1`,
      ['ola@sol.example'],
    );
    expect(rows[0].subject).toMatch(/^Ya eres partner de /);
    expect(rows[0].text_body).toContain('Hola, Agência Sol:');
  });
});

import { isFreeMailDomain } from './free-mail-domains.js';
import { companyDomain, DEDUPE_POLICIES, leadIdentity, normalizeEmail } from './lead-identity.js';

describe('normalizeEmail', () => {
  it('trims and lower-cases, nothing else', () => {
    expect(normalizeEmail('  Ada.Lovelace+Leads@Example.COM ')).toBe(
      'ada.lovelace+leads@example.com',
    );
    expect(normalizeEmail('a.b@gmail.com')).toBe('a.b@gmail.com');
  });
});

describe('companyDomain', () => {
  it("returns the email's domain, lower-cased", () => {
    expect(companyDomain('ada@Acme.COM')).toBe('acme.com');
    expect(companyDomain(' ada@eu.acme.co.uk ')).toBe('eu.acme.co.uk');
  });

  it.each([
    'gmail.com',
    'googlemail.com',
    'yahoo.com',
    'yahoo.co.uk',
    'yahoo.de',
    'hotmail.com',
    'hotmail.fr',
    'outlook.com',
    'live.com',
    'icloud.com',
    'me.com',
    'aol.com',
    'proton.me',
    'protonmail.com',
    'gmx.de',
    'gmx.net',
    'web.de',
    'mail.ru',
    'yandex.ru',
    'yandex.com',
    'qq.com',
    '163.com',
  ])('treats %s as free mail', (domain) => {
    expect(companyDomain(`someone@${domain}`)).toBeNull();
    expect(companyDomain(`someone@${domain.toUpperCase()}`)).toBeNull();
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it('does not confuse companies with free-mail brands', () => {
    expect(isFreeMailDomain('yahoocorp.com')).toBe(false);
    expect(isFreeMailDomain('gmail.com.acme.io')).toBe(false);
    expect(companyDomain('x@mygmx.com')).toBe('mygmx.com');
  });

  it('falls back to a company written as a domain when the email is free mail', () => {
    expect(companyDomain('ada@gmail.com', 'acme.com')).toBe('acme.com');
    expect(companyDomain('ada@gmail.com', 'https://www.Acme.com/about')).toBe('acme.com');
    expect(companyDomain('ada@gmail.com', 'Acme Inc.')).toBeNull();
    expect(companyDomain('ada@gmail.com', 'gmail.com')).toBeNull();
    expect(companyDomain('ada@acme.com', 'other.com')).toBe('acme.com');
  });

  it('returns null for malformed addresses', () => {
    expect(companyDomain('not an email')).toBeNull();
    expect(companyDomain('ada@')).toBeNull();
    expect(companyDomain('')).toBeNull();
  });
});

describe('leadIdentity', () => {
  it('lists the policies', () => {
    expect(DEDUPE_POLICIES).toEqual(['email', 'email_or_domain']);
  });

  it('uses the email only, or email and domain', () => {
    const lead = { email: ' Ada@Acme.com', company: 'Acme' };
    expect(leadIdentity(lead, 'email')).toEqual({ email: 'ada@acme.com', domain: null });
    expect(leadIdentity(lead, 'email_or_domain')).toEqual({
      email: 'ada@acme.com',
      domain: 'acme.com',
    });
    expect(leadIdentity({ email: 'ada@gmail.com' }, 'email_or_domain')).toEqual({
      email: 'ada@gmail.com',
      domain: null,
    });
  });
});

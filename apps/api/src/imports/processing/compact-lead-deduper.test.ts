import { createCompactLeadDeduper } from './compact-lead-deduper';

describe('createCompactLeadDeduper', () => {
  it('names the first row of a repeated email, whatever its case or spaces', () => {
    const deduper = createCompactLeadDeduper('email');
    expect(deduper.add({ email: 'ana@example.com' }, 1)).toBeNull();
    expect(deduper.add({ email: 'bo@example.com' }, 2)).toBeNull();
    expect(deduper.add({ email: '  Ana@Example.COM ' }, 7)).toEqual({ row: 1, reason: 'email' });
  });

  it('under email_or_domain, a second lead of the same company domain points at the first', () => {
    const deduper = createCompactLeadDeduper('email_or_domain');
    expect(deduper.add({ email: 'ana@acme.io', company: 'Acme' }, 3)).toBeNull();
    expect(deduper.add({ email: 'bo@acme.io', company: 'Acme' }, 4)).toEqual({
      row: 3,
      reason: 'domain',
    });
  });

  it('under the email policy, colleagues of one company are not duplicates', () => {
    const deduper = createCompactLeadDeduper('email');
    expect(deduper.add({ email: 'ana@acme.io', company: 'Acme' }, 1)).toBeNull();
    expect(deduper.add({ email: 'bo@acme.io', company: 'Acme' }, 2)).toBeNull();
  });

  it('keeps every row apart across growth of its table: 50,000 distinct emails, then each again', () => {
    const deduper = createCompactLeadDeduper('email');
    const count = 50_000;
    for (let row = 1; row <= count; row++) {
      expect(deduper.add({ email: `lead${row}@example.com` }, row)).toBeNull();
    }
    let matched = 0;
    for (let row = 1; row <= count; row++) {
      const match = deduper.add({ email: `lead${row}@example.com` }, count + row);
      if (match?.row === row && match.reason === 'email') matched++;
    }
    expect(matched).toBe(count);
  });
});

import { formatMoney, isLocale, type Locale, type Money } from '@leadbridge/core';
import { de } from './de';
import { type EmailCatalog, type EmailMessageKey, type EmailPluralKey, en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';
import { ptBR } from './pt-BR';

export const EMAIL_CATALOGS: Readonly<Record<Locale, EmailCatalog>> = {
  en,
  de,
  fr,
  es,
  'pt-BR': ptBR,
  it,
  nl,
};

/** The language of a partner's emails: their own choice, else the program's default. */
export function emailLocaleFor(
  partnerLocale: string | null | undefined,
  programLocale: string | null | undefined,
): Locale {
  if (isLocale(partnerLocale)) return partnerLocale;
  return isLocale(programLocale) ? programLocale : 'en';
}

export type EmailParams = Readonly<Record<string, string | number>>;

/** One language's texts for an email, with its number, money and list formats. */
export interface EmailText {
  readonly locale: Locale;
  /** A message with its `{placeholders}` filled; `{count}` picks the plural form. */
  t(key: EmailMessageKey | EmailPluralKey, params?: EmailParams): string;
  number(value: number): string;
  money(money: Money): string;
  /** "A, B and C" as the language writes it. */
  list(items: readonly string[]): string;
}

export function emailText(locale: Locale): EmailText {
  const catalog: Readonly<Record<string, string>> = EMAIL_CATALOGS[locale] ?? en;
  const english: Readonly<Record<string, string>> = en;
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    locale,
    t(key, params = {}) {
      const count = params.count;
      const keys =
        typeof count === 'number' ? [`${key}.${plural.select(count)}`, `${key}.other`] : [key];
      const template =
        keys.map((candidate) => catalog[candidate]).find((text) => text !== undefined) ??
        keys.map((candidate) => english[candidate]).find((text) => text !== undefined) ??
        key;
      // One pass, so a value that itself contains `{…}` (a lead named so) stays as it is.
      return template.replace(/\{(\w+)\}/g, (match, name: string) => {
        const value = params[name];
        if (value === undefined) return match;
        return typeof value === 'number' ? number.format(value) : value;
      });
    },
    number: (value) => number.format(value),
    money: (money) => formatMoney(money, locale),
    list: (items) => lists.format(items),
  };
}

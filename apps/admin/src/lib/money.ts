import { formatMoney, type Money } from '@leadbridge/core';

// Apart from format.ts so the sign-in pages, which show no money, do not load core's money module.

/** Integer minor units as a person reads them: `12499, 'USD'` → `$124.99` (core's rules). */
export function money(amount: number, currency: string): string {
  return formatMoney({ amount, currency });
}

export function formatMoneyList(list: readonly Money[]): string {
  return list.length === 0 ? '—' : list.map((m) => formatMoney(m)).join(' · ');
}

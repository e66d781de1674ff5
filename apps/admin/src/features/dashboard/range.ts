/** The dashboard's period: a preset of whole weeks, or a custom pair of calendar days. */
export const PRESETS = [
  { key: '4w', label: 'Last 4 weeks', weeks: 4 },
  { key: '12w', label: 'Last 12 weeks', weeks: 12 },
  { key: '26w', label: 'Last 6 months', weeks: 26 },
  { key: '52w', label: 'Last 12 months', weeks: 52 },
] as const;

export type PresetKey = (typeof PRESETS)[number]['key'] | 'custom';

export interface DashboardRange {
  preset: PresetKey;
  /** YYYY-MM-DD (custom only) */
  from: string;
  to: string;
}

function localMonday(date: Date): Date {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const offset = (day.getDay() + 6) % 7;
  day.setDate(day.getDate() - offset);
  return day;
}

function parseDay(text: string, plusDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
}

export const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The analytics query for the range: whole local weeks for presets, days as typed otherwise. */
export function rangeQuery(range: DashboardRange, programId: string) {
  const base: { tz: string; programId?: string; from?: string; to?: string } = { tz: timeZone };
  if (programId) base.programId = programId;
  if (range.preset === 'custom') {
    const from = parseDay(range.from);
    const to = parseDay(range.to, 1);
    if (from) base.from = from.toISOString();
    if (to) base.to = to.toISOString();
    return base;
  }
  const weeks = PRESETS.find((p) => p.key === range.preset)?.weeks ?? 12;
  const start = localMonday(new Date());
  start.setDate(start.getDate() - (weeks - 1) * 7);
  base.from = start.toISOString();
  return base;
}

const weekFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/** "Mar 3" for a YYYY-MM-DD week start. */
export function weekLabel(weekStart: string): string {
  const date = parseDay(weekStart);
  return date ? weekFormat.format(date) : weekStart;
}

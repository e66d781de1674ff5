import { daysInMonth } from '../form/value-rules.js';

/**
 * Adds calendar months in UTC, clamping to the target month's last day: Jan 31 + 1 month is
 * Feb 28 (29 in leap years), not Mar 3 as `setUTCMonth` would give. Time of day is kept.
 */
export function addCalendarMonthsUtc(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const monthIndex = date.getUTCMonth() + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth + 1));
  const result = new Date(date.getTime());
  result.setUTCFullYear(targetYear, targetMonth, day);
  return result;
}

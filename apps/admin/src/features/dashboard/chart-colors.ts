import type { LeadStage } from '@leadbridge/core';

/**
 * The stage colours of tokens.css, as literal values: SVG presentation attributes (recharts'
 * `fill`) do not resolve CSS variables everywhere.
 */
export const STAGE_COLORS: Record<LeadStage, string> = {
  new: '#2563eb',
  qualified: '#7c3aed',
  unqualified: '#94a3b8',
  closed_won: '#059669',
  closed_lost: '#dc2626',
};

export const REVENUE_COLOR = '#4338ca';
export const COMMISSION_COLOR = '#f59e0b';
export const AXIS_COLOR = '#5f6880';
export const GRID_COLOR = '#e5e8f0';

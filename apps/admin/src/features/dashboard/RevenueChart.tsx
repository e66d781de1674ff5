import type { Revenue } from '@leadbridge/sdk';

type RevenueSeries = Revenue['data'][number];

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { money } from '../../lib/money';
import { AXIS_COLOR, COMMISSION_COLOR, GRID_COLOR, REVENUE_COLOR } from './chart-colors';
import { weekLabel } from './range';

const compact = (currency: string) =>
  new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });

/** Revenue (area) and commissions earned (line) per week in one currency. */
export function RevenueChart({ series }: { series: RevenueSeries }) {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: series.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const unit = 10 ** digits;
  const rows = series.points.map((p) => ({
    label: weekLabel(p.weekStart),
    revenue: p.revenue / unit,
    commissions: p.commissions / unit,
  }));
  const axis = compact(series.currency);
  return (
    <figure
      className="chart"
      aria-label={`Revenue ${money(series.totals.revenue, series.currency)} and commissions ${money(series.totals.commissions, series.currency)} in the period`}
    >
      <div aria-hidden="true" className="chart-canvas">
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart
            accessibilityLayer={false}
            data={rows}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <defs>
              <linearGradient id="revenue-fill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={REVENUE_COLOR} stopOpacity={0.35} />
                <stop offset="100%" stopColor={REVENUE_COLOR} stopOpacity={0.02} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              minTickGap={12}
            />
            <YAxis
              tickFormatter={(v: number) => axis.format(v)}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={64}
            />
            <Tooltip
              formatter={(value, name) => [
                money(Math.round(Number(value) * unit), series.currency),
                name,
              ]}
            />
            <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
            <Area
              type="monotone"
              dataKey="revenue"
              name="Revenue"
              stroke={REVENUE_COLOR}
              strokeWidth={2}
              fill="url(#revenue-fill)"
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="commissions"
              name="Commissions"
              stroke={COMMISSION_COLOR}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

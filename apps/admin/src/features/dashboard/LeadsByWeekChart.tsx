import { LEAD_STAGES, type LeadStage } from '@leadbridge/core';
import type { LeadsByWeek } from '@leadbridge/sdk';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../../lib/format';
import { AXIS_COLOR, GRID_COLOR, STAGE_COLORS } from './chart-colors';
import { weekLabel } from './range';

/** Leads created per week, stacked by the stage they are in now. */
export function LeadsByWeekChart({
  data,
  labels,
}: {
  data: LeadsByWeek['data'];
  labels: Record<LeadStage, string>;
}) {
  const rows = data.map((week) => ({ ...week, label: weekLabel(week.weekStart) }));
  const total = data.reduce((sum, week) => sum + week.total, 0);
  const busiest = data.reduce<LeadsByWeek['data'][number] | null>(
    (best, w) => (!best || w.total > best.total ? w : best),
    null,
  );
  return (
    <figure
      className="chart"
      aria-label={`Leads per week by stage: ${formatNumber(total)} leads in ${data.length} weeks`}
    >
      <div aria-hidden="true" className="chart-canvas">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          >
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              minTickGap={12}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              cursor={{ fill: 'rgba(67,56,202,0.06)' }}
              formatter={(value, name) => [formatNumber(Number(value)), name]}
            />
            <Legend iconType="circle" itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
            {LEAD_STAGES.map((stage, i) => (
              <Bar
                key={stage}
                dataKey={stage}
                name={labels[stage]}
                stackId="stages"
                fill={STAGE_COLORS[stage]}
                radius={i === LEAD_STAGES.length - 1 ? [4, 4, 0, 0] : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="visually-hidden">
        {formatNumber(total)} leads created in the period
        {busiest && busiest.total > 0
          ? `; the busiest week began ${weekLabel(busiest.weekStart)} with ${busiest.total}`
          : ''}
        .
      </figcaption>
      {/* Wrapped: a table ignores the 1px width of .visually-hidden and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>Leads per week by stage</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {LEAD_STAGES.map((stage) => (
                <th key={stage} scope="col">
                  {labels[stage]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.weekStart}>
                <th scope="row">{row.label}</th>
                {LEAD_STAGES.map((stage) => (
                  <td key={stage}>{row[stage]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

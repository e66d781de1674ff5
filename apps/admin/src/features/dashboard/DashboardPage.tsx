import { useQueries, useQuery } from '@tanstack/react-query';
import { ChartColumn } from 'lucide-react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { stageLabelsOf, usePrograms } from '../../api/programs';
import { queries } from '../../api/queries';
import { useSession } from '../../app/session';
import { formatNumber, formatPercent } from '../../lib/format';
import { money } from '../../lib/money';
import { useTitle } from '../../lib/use-title';
import { ProgramFilter } from '../../ui/Filters';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { FunnelView } from './FunnelView';
import { LeadsByWeekChart } from './LeadsByWeekChart';
import { RevenueChart } from './RevenueChart';
import { type DashboardRange, PRESETS, type PresetKey, rangeQuery } from './range';
import { SetupChecklist } from './SetupChecklist';
import { TopPartnersTable } from './TopPartnersTable';
import './dashboard.css';

function Panel({
  title,
  children,
  action,
  className,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  const id = `panel-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section
      className={['card', 'panel', className].filter(Boolean).join(' ')}
      aria-labelledby={id}
    >
      <div className="card-header">
        <h2 id={id}>{title}</h2>
        {action}
      </div>
      <div className="card-body">{children}</div>
    </section>
  );
}

function PanelBody<T>({
  query,
  empty,
  children,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: T | undefined;
    refetch: () => unknown;
  };
  empty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending)
    return <div className="chart-skeleton skeleton" role="status" aria-label="Loading" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data === undefined) return null;
  if (empty?.(query.data)) {
    return (
      <EmptyState icon={<ChartColumn size={22} />} title="Nothing in this period">
        Try a longer period or another program.
      </EmptyState>
    );
  }
  return <>{children(query.data)}</>;
}

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="card kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {detail && <span className="subtle">{detail}</span>}
    </div>
  );
}

/** The period and program the dashboard shows, kept in the address (so a link shows the same). */
function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const programId = params.get('program') ?? '';
  const preset = (params.get('range') as PresetKey | null) ?? '12w';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range: DashboardRange = useMemo(() => ({ preset, from, to }), [preset, from, to]);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const query = useMemo(() => rangeQuery(range, programId), [range, programId]);
  return { programId, range, query, update };
}

/**
 * A company that has not reached its first lead sees the guided setup instead of empty charts;
 * once done (or if its progress cannot be read), the dashboard. A checklist completed while it
 * was on screen stays until the person moves on, so the last tick is seen.
 */
export function DashboardPage() {
  useTitle('Dashboard');
  const programs = usePrograms();
  const [sawIncomplete, setSawIncomplete] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const setup = useQuery({
    ...queries.setupProgress(),
    // While a step waits on something outside this page (the form loading on a site, a
    // partner's lead), look again every few seconds.
    refetchInterval: (query) => (query.state.data?.complete ? false : 4000),
  });
  const incomplete = setup.data?.complete === false;
  // The charts' requests leave with the setup check's instead of after it, so an established
  // company's dashboard is one round of requests away, not two (the same keys: no refetch).
  const { query } = useDashboardFilters();
  useQueries({
    queries: [
      queries.leadsByWeek(query),
      queries.funnel(query),
      queries.revenue(query),
      queries.topPartners(query),
    ].map((options) => ({ ...options, enabled: !incomplete })),
  });
  useEffect(() => {
    if (incomplete) setSawIncomplete(true);
  }, [incomplete]);
  if (setup.isPending) return <LoadingState />;
  if (setup.data && (incomplete || (sawIncomplete && !dismissed))) {
    return (
      <SetupChecklist
        progress={setup.data}
        programs={programs.data}
        onFinished={() => setDismissed(true)}
      />
    );
  }
  return <CompanyDashboard />;
}

function CompanyDashboard() {
  const session = useSession();
  const programs = usePrograms();
  const { programId, range, query, update } = useDashboardFilters();
  const program =
    programs.data?.find((p) => p.id === programId) ??
    (programs.data?.length === 1 ? programs.data[0] : undefined);
  const labels = stageLabelsOf(program);

  const weeks = useQuery(queries.leadsByWeek(query));
  const funnel = useQuery(queries.funnel(query));
  const revenue = useQuery(queries.revenue(query));
  const top = useQuery(queries.topPartners(query));
  const [currency, setCurrency] = useState<string | null>(null);
  const series = revenue.data?.data.find((s) => s.currency === currency) ?? revenue.data?.data[0];

  const steps = funnel.data?.steps;
  const submitted = steps?.[0]?.count ?? 0;
  const won = steps?.[2];

  return (
    <div className="page dashboard">
      <PageHeader
        title={`Welcome back, ${session.user.name.split(' ')[0] ?? session.user.name}`}
        description={`How ${session.company.name}'s partner programs are doing.`}
      />
      <fieldset className="card dashboard-filters">
        <legend className="visually-hidden">Dashboard filters</legend>
        <ProgramFilter
          id="dash-program"
          value={programId}
          onChange={(program) => update({ program })}
        />
        <fieldset className="segmented">
          <legend className="visually-hidden">Period</legend>
          {[...PRESETS, { key: 'custom' as const, label: 'Custom' }].map((preset) => (
            <label key={preset.key} data-checked={range.preset === preset.key || undefined}>
              <input
                type="radio"
                name="period"
                className="visually-hidden"
                checked={range.preset === preset.key}
                onChange={() =>
                  update(
                    preset.key === 'custom'
                      ? { range: 'custom' }
                      : { range: preset.key === '12w' ? '' : preset.key, from: '', to: '' },
                  )
                }
              />
              {preset.label}
            </label>
          ))}
        </fieldset>
        {range.preset === 'custom' && (
          <div className="row">
            <label className="subtle" htmlFor="dash-from">
              From
            </label>
            <input
              id="dash-from"
              className="input"
              type="date"
              value={range.from}
              onChange={(e) => update({ from: e.target.value })}
            />
            <label className="subtle" htmlFor="dash-to">
              to
            </label>
            <input
              id="dash-to"
              className="input"
              type="date"
              value={range.to}
              onChange={(e) => update({ to: e.target.value })}
            />
          </div>
        )}
      </fieldset>

      <div className="kpis">
        <Kpi
          label="Leads"
          value={funnel.data ? formatNumber(submitted) : '…'}
          detail="created in the period"
        />
        <Kpi
          label={`${labels.qualified} rate`}
          value={funnel.data ? formatPercent(steps?.[1]?.rateFromStart ?? null) : '…'}
          detail={funnel.data ? `${formatNumber(steps?.[1]?.count ?? 0)} leads` : undefined}
        />
        <Kpi
          label={labels.closed_won}
          value={won ? formatNumber(won.count) : '…'}
          detail={won ? `${formatPercent(won.rateFromStart)} of leads` : undefined}
        />
        <Kpi
          label="Revenue"
          value={
            revenue.data ? (series ? money(series.totals.revenue, series.currency) : '—') : '…'
          }
          detail={
            series
              ? `${money(series.totals.commissionsPending, series.currency)} commissions pending`
              : undefined
          }
        />
      </div>

      <div className="dashboard-grid">
        <Panel title="Leads per week" className="span-2">
          <PanelBody query={weeks} empty={(d) => d.data.every((w) => w.total === 0)}>
            {(d) => <LeadsByWeekChart data={d.data} labels={labels} />}
          </PanelBody>
        </Panel>
        <Panel title="Conversion">
          <PanelBody query={funnel} empty={(d) => (d.steps[0]?.count ?? 0) === 0}>
            {(d) => <FunnelView funnel={d} labels={labels} />}
          </PanelBody>
        </Panel>
        <Panel
          title="Revenue and commissions"
          className="span-2"
          action={
            revenue.data && revenue.data.data.length > 1 ? (
              <>
                <label className="visually-hidden" htmlFor="dash-currency">
                  Currency
                </label>
                <select
                  id="dash-currency"
                  className="select"
                  value={series?.currency}
                  onChange={(e) => setCurrency(e.target.value)}
                >
                  {revenue.data.data.map((s) => (
                    <option key={s.currency}>{s.currency}</option>
                  ))}
                </select>
              </>
            ) : undefined
          }
        >
          <PanelBody query={revenue} empty={(d) => d.data.length === 0}>
            {() => (series ? <RevenueChart series={series} /> : null)}
          </PanelBody>
        </Panel>
        <Panel title="Top partners" action={<Link to="/partners">All partners</Link>}>
          <PanelBody query={top} empty={(d) => d.data.length === 0}>
            {(d) => <TopPartnersTable data={d.data} />}
          </PanelBody>
        </Panel>
      </div>
    </div>
  );
}

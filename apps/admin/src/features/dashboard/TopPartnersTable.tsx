import type { TopPartners } from '@leadbridge/sdk';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../lib/format';
import { formatMoneyList } from '../../lib/money';

/** The best partners of the period, each with a bar for its share of the leader's leads. */
export function TopPartnersTable({ data }: { data: TopPartners['data'] }) {
  const max = Math.max(1, ...data.map((row) => row.leads));
  return (
    <table className="table top-partners">
      <thead>
        <tr>
          <th scope="col">Partner</th>
          <th scope="col" className="num">
            Leads
          </th>
          <th scope="col" className="num">
            Won
          </th>
        </tr>
      </thead>
      <tbody>
        {data.map((row) => (
          <tr key={row.partner.id}>
            <td>
              <Link to={`/partners/${row.partner.id}`}>{row.partner.name}</Link>
              <div className="share" aria-hidden="true">
                <span style={{ width: `${(row.leads / max) * 100}%` }} />
              </div>
              <div className="subtle">
                {formatPercent(row.winRate)} won
                {row.revenue.length > 0 && ` · ${formatMoneyList(row.revenue)}`}
              </div>
            </td>
            <td className="num">{formatNumber(row.leads)}</td>
            <td className="num">{formatNumber(row.won)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

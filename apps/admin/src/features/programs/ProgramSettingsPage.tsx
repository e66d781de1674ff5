import { useQuery } from '@tanstack/react-query';
import { SearchX } from 'lucide-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isStatus } from '../../api/errors';
import { queries } from '../../api/queries';
import { useTitle } from '../../lib/use-title';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { StatusBadge } from '../../ui/StageBadge';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { ApplicationSettings } from './ApplicationSettings';
import { EmbedSettings } from './EmbedSettings';
import { FormBuilder } from './FormBuilder';
import { GeneralSettings } from './GeneralSettings';
import { OfferEditor } from './OfferEditor';
import { StageLabelsEditor } from './StageLabelsEditor';
import './programs.css';

const TABS = [
  { key: 'general', label: 'General' },
  { key: 'form', label: 'Lead form' },
  { key: 'stages', label: 'Stages' },
  { key: 'offer', label: 'Offer' },
  { key: 'applications', label: 'Applications' },
  { key: 'embed', label: 'Embed' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function ProgramSettingsPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const tab: Tab = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'general';
  const program = useQuery(queries.program(id));
  useTitle(program.data ? `${program.data.name} settings` : 'Program');
  if (program.isPending) return <LoadingState />;
  if (program.isError) {
    return isStatus(program.error, 404) ? (
      <EmptyState
        icon={<SearchX size={22} />}
        title="Program not found"
        action={<Link to="/programs">Back to programs</Link>}
      />
    ) : (
      <ErrorState error={program.error} onRetry={() => program.refetch()} />
    );
  }
  const p = program.data;
  return (
    <div className="page">
      <PageHeader
        back={{ to: '/programs', label: 'Programs' }}
        title={
          <span className="row">
            {p.name} <StatusBadge status={p.status} />
          </span>
        }
        description="How partners submit leads to this program and what they earn."
      />
      <ReadOnlyNotice what="change program settings" />
      <nav className="tabs" aria-label="Program settings">
        {TABS.map((t) => (
          <Link
            key={t.key}
            className="tab"
            to={`?tab=${t.key}`}
            replace
            aria-current={t.key === tab ? 'page' : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {/* Keyed by program so a tab's draft never carries over to another program. */}
      {tab === 'general' && <GeneralSettings key={p.id} program={p} />}
      {tab === 'form' && <FormBuilder key={p.id} program={p} />}
      {tab === 'stages' && <StageLabelsEditor key={p.id} program={p} />}
      {tab === 'offer' && <OfferEditor key={p.id} program={p} />}
      {tab === 'applications' && <ApplicationSettings key={p.id} program={p} />}
      {tab === 'embed' && <EmbedSettings key={p.id} program={p} />}
    </div>
  );
}

import { useTitle } from '../../lib/use-title';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { ApiKeysSection } from './ApiKeysSection';
import { WebhooksSection } from './WebhooksSection';

export function DevelopersPage() {
  useTitle('Developers');
  return (
    <div className="page">
      <PageHeader
        title="Developers"
        description={
          <>
            Connect your systems: the REST API (<a href="/docs">reference</a>), the typed SDK, and
            signed webhooks.
          </>
        }
      />
      <ReadOnlyNotice what="manage API keys and webhooks" />
      <ApiKeysSection />
      <WebhooksSection />
    </div>
  );
}

import type { LeadFormSchema, StageLabels } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Alert } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { embedSnippet, originsSettingsPath } from './embed-snippet';
import { WidgetPreview } from './WidgetPreview';

/** The two lines a web developer pastes into the company's site, and the key they carry. */
export function EmbedSettings({ program }: { program: Program }) {
  const client = useQueryClient();
  const canWrite = useCanWrite();
  const toast = useToast();
  const rotate = useMutation({
    mutationFn: () => lb.programs.rotatePublishableKey(program.id),
    onSuccess: (saved) => {
      client.setQueryData(queries.program.key(saved.id), saved);
      void client.invalidateQueries({ queryKey: queries.programs.key() });
      toast.show('New publishable key issued: update the snippet on your site.');
    },
  });
  const snippet = embedSnippet(program.publishableKey);
  return (
    <div className="settings-split">
      <div className="stack">
        <section className="card card-body stack" aria-labelledby="snippet-title">
          <div className="row-between">
            <h2 id="snippet-title" className="section-title">
              Embed snippet
            </h2>
            <CopyButton text={snippet} label="Copy snippet" />
          </div>
          <p className="muted">
            Paste it where partners should submit leads. Partners sign in inside the form with a
            one-time code emailed to them, which is sent only to partners you invited: invite them
            under <Link to="/partners">Partners</Link> before they can sign in. If your site already
            knows who they are, your server can mint a session token with the SDK and set
            <code> session-token</code>.
          </p>
          <pre className="code-block" data-testid="embed-snippet">
            {snippet}
          </pre>
          {program.allowedOrigins.length === 0 ? (
            <Alert kind="warning">
              The form works only on sites you allow, and none is allowed yet.{' '}
              <Link to={originsSettingsPath(program.id)}>Add your site's origin</Link> before you
              paste the snippet.
            </Alert>
          ) : (
            <p className="subtle">
              Works on {program.allowedOrigins.join(', ')}.{' '}
              <Link to={originsSettingsPath(program.id)}>Change allowed origins</Link>
            </p>
          )}
        </section>
        <section className="card card-body stack" aria-labelledby="hosted-title">
          <div className="row-between">
            <h2 id="hosted-title" className="section-title">
              No website? Use the hosted portal
            </h2>
            <CopyButton text={program.hostedPortalUrl} label="Copy portal link" />
          </div>
          <p className="muted">
            The same form on a page Leadbridge hosts for you, with your logo and colour. Send
            partners the link; invitations link there unless you set a partner portal URL.
          </p>
          <p>
            <a href={program.hostedPortalUrl} target="_blank" rel="noreferrer">
              {program.hostedPortalUrl}
            </a>
          </p>
        </section>
        <section className="card card-body stack" aria-labelledby="pk-title">
          <h2 id="pk-title" className="section-title">
            Publishable key
          </h2>
          <p className="muted">
            Identifies this program to the form. It is not a secret; rotate it if it is used on
            sites you do not trust.
          </p>
          <div className="secret">
            <span data-testid="publishable-key">{program.publishableKey}</span>
            <CopyButton text={program.publishableKey} />
          </div>
          {rotate.isError && <Alert kind="error">{errorMessage(rotate.error)}</Alert>}
          {canWrite && (
            <div>
              <Button
                variant="danger"
                loading={rotate.isPending}
                onClick={() => {
                  if (
                    window.confirm(
                      'Issue a new key? The form on your site stops working until you update the snippet.',
                    )
                  )
                    rotate.mutate();
                }}
              >
                Rotate key
              </Button>
            </div>
          )}
        </section>
      </div>
      <div className="preview-column">
        <h2 className="section-title">Preview</h2>
        <WidgetPreview
          programName={program.name}
          schema={program.formSchema as LeadFormSchema}
          stageLabels={program.stageLabels as StageLabels}
        />
      </div>
    </div>
  );
}

import type { LeadFormSchema, StageLabels } from '@leadbridge/core';
import type { Program } from '@leadbridge/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lb } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Alert } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { WidgetPreview } from './WidgetPreview';

export function embedSnippet(publishableKey: string, origin = window.location.origin): string {
  return `<script type="module" src="${origin}/widget/lead-form.js"></script>\n<lead-form publishable-key="${publishableKey}"></lead-form>`;
}

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
            one-time code emailed to them; if your site already knows who they are, your server can
            mint a session token with the SDK and set
            <code> session-token</code>.
          </p>
          <pre className="code-block" data-testid="embed-snippet">
            {snippet}
          </pre>
          {program.allowedOrigins.length === 0 && (
            <Alert kind="warning">
              Add your site's origin under General → Allowed origins, or the form cannot reach
              Leadbridge from it.
            </Alert>
          )}
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

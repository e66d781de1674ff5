import { errorMessage } from '../../api/errors';
import { useCanWrite } from '../../app/session';
import { Button } from '../../ui/Button';
import { Alert } from '../../ui/States';
import type { ProgramDraft } from './use-program-save';

/** Save / discard for a settings tab, with the conflict or error the save ran into. */
export function SaveBar({
  state,
  invalid,
  onSave,
  fieldErrorsShown,
}: {
  state: Pick<ProgramDraft, 'save' | 'dirty' | 'conflict' | 'reload' | 'discard'>;
  invalid?: boolean;
  onSave: () => void;
  /** The error's field messages are shown next to the inputs; the bar then only points there. */
  fieldErrorsShown?: boolean;
}) {
  const canWrite = useCanWrite();
  if (!canWrite) return null;
  const { save, dirty, conflict } = state;
  return (
    <div className="save-bar stack-sm">
      {conflict ? (
        <Alert kind="warning" role="alert">
          <span>
            Someone else saved this program's settings since you opened them, so nothing was
            overwritten. Reload to see their version (this discards your unsaved changes on this
            tab).
          </span>
          <Button size="sm" onClick={() => void state.reload()}>
            Reload
          </Button>
        </Alert>
      ) : (
        save.isError && (
          <Alert kind="error">
            {fieldErrorsShown
              ? 'Some settings need fixing: see the messages next to them.'
              : errorMessage(save.error)}
          </Alert>
        )
      )}
      <div className="form-actions">
        {dirty && <span className="subtle unsaved">Unsaved changes</span>}
        <Button onClick={state.discard} disabled={!dirty || save.isPending}>
          Discard
        </Button>
        <Button
          variant="primary"
          onClick={onSave}
          disabled={!dirty || invalid}
          loading={save.isPending}
        >
          Save
        </Button>
      </div>
    </div>
  );
}

import type { LeadFormSchema } from '@leadbridge/core';
import type { Lead } from '@leadbridge/sdk';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { StageBadge } from '../../ui/StageBadge';
import {
  changedKeys,
  type Draft,
  displayValue,
  draftOf,
  fieldValue,
  orderedFields,
} from './lead-values';

interface Props {
  open: boolean;
  schema: LeadFormSchema;
  /** The lead as the person loaded it. */
  base: Lead;
  /** The lead as it is now (from the 409's `current`). */
  current: Lead | null;
  /** The person's unsaved values. */
  mine: Draft;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}

/**
 * Someone saved the lead while this person was editing it: show what they changed next to
 * what this person is about to save, then let them take the other version or save theirs.
 */
export function ConflictDialog({
  open,
  schema,
  base,
  current,
  mine,
  onReload,
  onOverwrite,
  onClose,
}: Props) {
  if (!current) return null;
  const fields = new Map(orderedFields(schema).map((f) => [f.key, f]));
  const theirs = new Set(changedKeys(base, current, schema));
  const baseDraft = draftOf(base, schema);
  const ours = new Set(
    Object.keys(mine).filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(baseDraft[key])),
  );
  const rows = [...fields.keys()].filter((key) => theirs.has(key) || ours.has(key));
  return (
    <Dialog
      open={open}
      wide
      title="This lead was changed while you were editing"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onReload}>Discard mine and reload</Button>
          <Button variant="primary" onClick={onOverwrite}>
            Save my changes anyway
          </Button>
        </>
      }
    >
      <div className="stack" data-testid="conflict">
        <p>
          {`Someone saved this lead at ${formatDateTime(current.updatedAt)} (version ${current.version}; you started from version ${base.version}).`}
          {current.stage !== base.stage && (
            <>
              {' '}
              Its stage is now <StageBadge stage={current.stage} label={current.stageLabel} />.
            </>
          )}
        </p>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Their version (saved)</th>
                <th scope="col">Your version (unsaved)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((key) => {
                const field = fields.get(key);
                const clash = theirs.has(key) && ours.has(key);
                return (
                  <tr key={key} data-conflict-field={key} data-clash={clash || undefined}>
                    <th scope="row">{field?.label ?? key}</th>
                    <td className={theirs.has(key) ? 'changed' : undefined}>
                      {displayValue(field, fieldValue(current, key))}
                      {theirs.has(key) && <span className="badge badge-warning">changed</span>}
                    </td>
                    <td className={ours.has(key) ? 'changed' : undefined}>
                      {displayValue(field, ours.has(key) ? mine[key] : fieldValue(current, key))}
                      {ours.has(key) && <span className="badge badge-info">your edit</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="subtle">
          Saving anyway writes only the fields you edited; their other changes are kept.
        </p>
      </div>
    </Dialog>
  );
}

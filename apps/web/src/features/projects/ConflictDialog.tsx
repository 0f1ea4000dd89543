import type { Project } from '../../api/types.ts';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { expandChanges, formatFieldValue, labelOfField } from './field-labels.ts';
import type { ProjectChanges } from './project-form-model.ts';
import { useNameLookup } from './use-name-lookup.ts';

/** Someone saved the project while this person was editing it: show theirs against ours, let them choose. */
export function ConflictDialog({
  open,
  current,
  mine,
  busy,
  onReload,
  onOverwrite,
  onClose,
}: {
  open: boolean;
  current: Project | null;
  mine: ProjectChanges;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}) {
  const lookup = useNameLookup(current?.currency ?? 'EUR');
  const rows = expandChanges(
    Object.entries(mine).map(([field, to]) => {
      const from = current ? (current as Record<string, unknown>)[field] : undefined;
      if (field === 'customFields')
        return {
          field,
          from: current?.customFields ?? {},
          to: { ...current?.customFields, ...(to as object) },
        };
      return { field, from, to };
    }),
  );
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="Someone else changed this project"
      description={
        current
          ? `While you were editing, the project was saved by someone else (it is now at version ${current.version}). Compare the values below and choose what to keep.`
          : 'While you were editing, the project was saved by someone else.'
      }
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Keep editing
          </Button>
          <Button onClick={onReload} disabled={busy}>
            Reload their version
          </Button>
          <Button variant="primary" onClick={onOverwrite} loading={busy} disabled={!current}>
            Overwrite with my changes
          </Button>
        </>
      }
    >
      <table className="b-table conflict-table">
        <caption className="visually-hidden">Fields you changed, with the value now saved</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Saved now (theirs)</th>
            <th scope="col">Your change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">{labelOfField(r.field, lookup)}</th>
              <td>{current ? formatFieldValue(r.field, r.from, lookup) : '…'}</td>
              <td className="conflict-table__mine">{formatFieldValue(r.field, r.to, lookup)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted conflict-note">
        “Reload their version” discards your changes. “Overwrite” saves your values for these fields on top of
        theirs.
      </p>
    </Dialog>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiProblem, describeError, isApiProblem } from '../../api/client.ts';
import {
  importResources,
  type ResourceImportBody,
  type ResourceImportResult,
  resourceKeys,
} from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { useToast } from '../../design/Toast.tsx';
import { bytesToBase64, importFormatOf } from './file-encoding.ts';

type Payload = Pick<ResourceImportBody, 'format' | 'content'>;

async function readPayload(file: File): Promise<Payload | string> {
  const format = importFormatOf(file.name);
  if (!format) return 'Choose a .csv or .xlsx file.';
  if (format === 'csv') return { format, content: await file.text() };
  return { format, content: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}

/** Import a pool file in two steps: a dry run that shows what would change, then the real import. */
export function ImportResourcesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [payload, setPayload] = useState<Payload | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ResourceImportResult | null>(null);
  const [problem, setProblem] = useState<ApiProblem | string | null>(null);

  const reset = () => {
    setPayload(null);
    setPreview(null);
    setProblem(null);
    setFileError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const onError = (e: unknown) => setProblem(isApiProblem(e) ? e : describeError(e));

  const check = useMutation({
    mutationFn: (p: Payload) => importResources({ ...p, dryRun: true }),
    onSuccess: setPreview,
    onError,
  });
  const run = useMutation({
    mutationFn: (p: Payload) => importResources({ ...p, dryRun: false }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      showToast({
        tone: 'success',
        title: 'Pool imported',
        text: `${r.created} created, ${r.updated} updated, ${r.skillsCreated} new skills.`,
      });
      close();
    },
    onError,
  });

  const pick = async (file: File | undefined) => {
    reset();
    if (!file) return;
    const read = await readPayload(file);
    if (typeof read === 'string') setFileError(read);
    else {
      setPayload(read);
      check.mutate(read);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      wide
      title="Import resources"
      description="A CSV or Excel file with one resource a row. Known names are updated, new names added; nothing changes until you confirm."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!preview || !payload}
            loading={run.isPending}
            onClick={() => payload && run.mutate(payload)}
          >
            Import {preview ? `${preview.rows} rows` : ''}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div className="file-drop">
          <Field
            label="Pool file"
            hint="Columns as in “Export CSV”: Name, Kind, E-mail, Role, Org Unit, Capacity…"
            error={fileError}
          >
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </Field>
        </div>
        {check.isPending && <p className="muted">Checking the file…</p>}
        {preview && (
          <Alert tone="info" title="What the import will do">
            {preview.rows} rows: {preview.created} new resources, {preview.updated} updated,{' '}
            {preview.skillsCreated} new skills.
          </Alert>
        )}
        {problem && (
          <Alert tone="error" title="The file cannot be imported">
            {typeof problem === 'string' ? (
              problem
            ) : (
              <>
                <p>
                  {problem.errors.length > 0
                    ? `${problem.errors.length} problems; fix them and choose the file again.`
                    : problem.detail}
                </p>
                {problem.errors.length > 0 && (
                  <ul className="problem-list" aria-label="Problems in the file">
                    {problem.errors.map((e) => (
                      <li key={`${e.field}-${e.message}`}>
                        <strong>{e.field}</strong>: {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}

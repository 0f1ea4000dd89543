import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type ClearinghouseDocument,
  deleteDocument,
  documentKeys,
  listDocumentVersions,
  uploadDocumentVersion,
  uploadLibraryDocument,
  uploadProjectDocument,
} from '../../api/documents.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { DownloadLink } from './DocumentTable.tsx';
import {
  checkChosenFile,
  type DeliverableOption,
  formatBytes,
  libraryCategoryOptions,
  projectCategoryOptions,
  titleFromFileName,
  typeLabel,
  uploadErrorText,
} from './document-model.ts';
import { FileDropField } from './FileDropField.tsx';

/** Picks a file, remembering why it cannot be sent. */
function useChosenFile() {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = (next: File | null) => {
    setFile(next);
    setError(next ? checkChosenFile(next) : null);
  };
  return { file, error, setError, choose };
}

export type UploadTarget =
  | { kind: 'project'; projectId: string; deliverables: readonly DeliverableOption[] }
  | { kind: 'library' };

/** A new document: the file, its title and category, and (for a project) the gate deliverable it evidences. */
export function UploadDocumentDialog({ target, onClose }: { target: UploadTarget; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const chosen = useChosenFile();
  const units = useOrgUnits();
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [category, setCategory] = useState(target.kind === 'library' ? 'guide' : 'other');
  const [deliverable, setDeliverable] = useState('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: (file: File) => {
      const meta = { fileName: file.name, title: title.trim(), category, note: note.trim() || undefined };
      if (target.kind === 'library')
        return uploadLibraryDocument(file, { ...meta, orgUnitId: orgUnitId || undefined });
      const link = target.deliverables.find((d) => d.value === deliverable);
      return uploadProjectDocument(target.projectId, file, {
        ...meta,
        phaseKey: link?.phaseKey,
        deliverableKey: link?.deliverableKey,
      });
    },
    onSuccess: (doc) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      showToast({ tone: 'success', title: `${doc.code} uploaded`, text: doc.title });
      onClose();
    },
  });
  const choose = (file: File | null) => {
    chosen.choose(file);
    if (file && !title.trim()) setTitle(titleFromFileName(file.name));
  };
  const submit = () => {
    const missingFile = chosen.file ? null : 'Choose a file to upload.';
    if (missingFile) chosen.setError(missingFile);
    setTitleError(title.trim() ? null : 'Give the document a title.');
    if (!chosen.file || chosen.error || !title.trim()) return;
    save.mutate(chosen.file);
  };
  const library = target.kind === 'library';
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={library ? 'Add to the PMO library' : 'Upload a document'}
      description="PDF, Word, Excel, PowerPoint, OpenDocument, images, CSV, text, Markdown or JSON. Baton checks the content matches the file name."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Upload
          </Button>
        </>
      }
    >
      <div className="stack">
        <FileDropField label="File" file={chosen.file} onFile={choose} error={chosen.error} />
        <div className="grid-2">
          <Field label="Title" required error={titleError}>
            <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label="Category">
            <Select
              value={category}
              options={library ? libraryCategoryOptions : projectCategoryOptions}
              onChange={(e) => setCategory(e.target.value)}
            />
          </Field>
          {target.kind === 'project' && (
            <Field
              label="Gate deliverable"
              hint={
                target.deliverables.length
                  ? 'The deliverable of the project’s lifecycle this document evidences.'
                  : 'The project follows no lifecycle with deliverables yet.'
              }
            >
              <Select
                value={deliverable}
                placeholder="None"
                options={target.deliverables}
                disabled={target.deliverables.length === 0}
                onChange={(e) => setDeliverable(e.target.value)}
              />
            </Field>
          )}
          {library && (
            <Field label="Applies to" hint="An org unit and everything beneath it.">
              <Select
                value={orgUnitId}
                placeholder="The whole organisation"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                onChange={(e) => setOrgUnitId(e.target.value)}
              />
            </Field>
          )}
          <Field label="Note" className="span-all" hint="What this version is, e.g. “Signed by the sponsor”.">
            <Textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </div>
        {save.isError && (
          <Alert tone="error" title="The document was not uploaded">
            {uploadErrorText(save.error)}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}

/** The next version of a document. */
export function NewVersionDialog({ doc, onClose }: { doc: ClearinghouseDocument; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const chosen = useChosenFile();
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: (file: File) =>
      uploadDocumentVersion(doc.id, file, { fileName: file.name, note: note.trim() || undefined }),
    onSuccess: (after) => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      showToast({
        tone: 'success',
        title: `${after.code} is at version ${after.currentVersion}`,
        text: after.title,
      });
      onClose();
    },
  });
  const submit = () => {
    if (!chosen.file) chosen.setError('Choose the file of the new version.');
    if (!chosen.file || chosen.error) return;
    save.mutate(chosen.file);
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`New version of ${doc.title}`}
      description={`${doc.code} is at version ${doc.currentVersion}; earlier versions stay available.`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Upload version {doc.currentVersion + 1}
          </Button>
        </>
      }
    >
      <div className="stack">
        <FileDropField label="File" file={chosen.file} onFile={chosen.choose} error={chosen.error} />
        <Field label="Note" hint="What changed in this version.">
          <Textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {save.isError && (
          <Alert tone="error" title="The version was not uploaded">
            {uploadErrorText(save.error)}
          </Alert>
        )}
      </div>
    </Dialog>
  );
}

/** Every version of a document, newest first, each downloadable. */
export function VersionHistoryDialog({ doc, onClose }: { doc: ClearinghouseDocument; onClose: () => void }) {
  const versions = useQuery({
    queryKey: documentKeys.versions(doc.id),
    queryFn: ({ signal }) => listDocumentVersions(doc.id, signal),
  });
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Versions of ${doc.title}`}
      description={doc.code}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {versions.isPending ? (
        <LoadingState label="Loading versions…" />
      ) : versions.isError ? (
        <ErrorState
          error={versions.error}
          title="Could not load the versions"
          onRetry={() => versions.refetch()}
        />
      ) : (
        <Table className="doc-table">
          <caption className="visually-hidden">Versions of {doc.title}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Uploaded</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Download</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.data.items.map((v) => (
              <tr key={v.versionNo}>
                <th scope="row">Version {v.versionNo}</th>
                <td>
                  {v.fileName}
                  <span className="cell-sub">{typeLabel(v.mediaType)}</span>
                </td>
                <td className="num nowrap">{formatBytes(v.sizeBytes)}</td>
                <td className="cell-secondary">
                  {v.uploadedByName ?? 'Baton'}
                  <span className="cell-sub">{formatDateTime(v.uploadedAt)}</span>
                </td>
                <td className="cell-secondary">{v.note ?? '—'}</td>
                <td>
                  <DownloadLink
                    href={v.contentUrl}
                    label={`Download version ${v.versionNo} of ${doc.title}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Dialog>
  );
}

/** Confirms deleting a document: it leaves lists and gate evidence; its versions stay on record. */
export function DeleteDocumentDialog({ doc, onClose }: { doc: ClearinghouseDocument; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const remove = useMutation({
    mutationFn: () => deleteDocument(doc.id, doc.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      showToast({ tone: 'success', title: `${doc.code} deleted`, text: doc.title });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete ${doc.title}?`}
      description="It leaves the lists and no longer counts as gate evidence. The journal keeps the record."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete
          </Button>
        </>
      }
    >
      {remove.isError && (
        <Alert tone="error" title="The document was not deleted">
          {uploadErrorText(remove.error)}
        </Alert>
      )}
    </Dialog>
  );
}

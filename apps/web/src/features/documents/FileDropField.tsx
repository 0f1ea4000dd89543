import { type DragEvent, useState } from 'react';
import { joinClassNames } from '../../design/class-names.ts';
import { Field } from '../../design/Field.tsx';
import { ACCEPT_ATTRIBUTE, formatBytes } from './document-model.ts';

/** A file input that also takes a file dropped on it; shows the chosen file's name and size. */
export function FileDropField({
  label,
  file,
  onFile,
  error,
  hint,
}: {
  label: string;
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string | null;
  hint?: string;
}) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <fieldset
      className={joinClassNames('doc-drop', over && 'is-over')}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <legend className="visually-hidden">{label}</legend>
      <Field label={label} hint={hint} error={error ?? null} required>
        <input type="file" accept={ACCEPT_ATTRIBUTE} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      </Field>
      <p className="doc-drop__text">
        {file ? (
          <>
            Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
          </>
        ) : (
          'Or drop a file here.'
        )}
      </p>
    </fieldset>
  );
}

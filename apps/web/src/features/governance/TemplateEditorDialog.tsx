import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import {
  type Approach,
  createTemplate,
  createTemplateVersion,
  governanceKeys,
  type LifecycleTemplate,
} from '../../api/governance.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { PhaseEditor } from './PhaseEditor.tsx';
import {
  APPROACH_LABELS,
  APPROACHES,
  createBodyOf,
  DESCRIPTION_MAX,
  type DraftErrors,
  definedAt,
  describePath,
  isShownPath,
  KEY_HINT,
  KEY_MAX,
  keyFromText,
  MAX_PHASES,
  NAME_MAX,
  type TemplateDraft,
  templateDraftOf,
  validateDraft,
  versionBodyOf,
  withoutPath,
} from './template-model.ts';

/** Takes the keyboard to the first field to fix, once the errors are on screen. */
function focusFirstInvalid(): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('.gov-editor [aria-invalid="true"]')?.focus(),
  );
}

/**
 * Define a lifecycle template, or publish a new version of one (based on the version shown):
 * its phases, each closed by a gate with criteria and deliverables.
 */
export function TemplateEditorDialog({
  base,
  onClose,
  onSaved,
}: {
  /** The version a new version starts from; null to define a new template. */
  base: LifecycleTemplate | null;
  onClose: () => void;
  onSaved: (template: LifecycleTemplate) => void;
}) {
  const mode = base ? 'version' : 'create';
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const units = useOrgUnits();
  const unitOptions = useMemo(() => orgUnitOptions(units.data ?? []), [units.data]);
  const [draft, setDraft] = useState<TemplateDraft>(() => templateDraftOf(base));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const clientErrors = attempted ? validateDraft(draft, mode) : {};
  const errors: DraftErrors = { ...serverErrors, ...clientErrors };
  const unplaced = Object.entries(serverErrors).filter(([path]) => !isShownPath(path, draft));

  const change = (next: TemplateDraft, touched?: string) => {
    setDraft(next);
    // An edit at a path clears the server's message there; a structural change moves indices, so all go.
    setServerErrors((e) => (touched ? withoutPath(e, touched) : {}));
  };
  const set = <K extends keyof TemplateDraft>(k: K, v: TemplateDraft[K]) =>
    change({ ...draft, [k]: v }, String(k));

  const save = useMutation({
    mutationFn: () =>
      base ? createTemplateVersion(base.id, versionBodyOf(draft)) : createTemplate(createBodyOf(draft)),
    onSuccess: (t) => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.all });
      showToast({
        tone: 'success',
        title: base ? `${t.name} v${t.templateVersion} published` : `${t.name} defined`,
        ...(base ? { text: 'Projects keep the version they follow until they are migrated.' } : {}),
      });
      onSaved(t);
    },
    onError: (error) => {
      if (isApiProblem(error, 403)) {
        showToast({
          tone: 'error',
          title: 'Not allowed here',
          text: 'You may not define lifecycle templates at this part of the organisation.',
        });
        setProblem(describeError(error));
      } else if (isApiProblem(error, 409)) {
        setServerErrors({
          key: error.detail ?? 'This key is taken: add a version to that template instead.',
        });
        setProblem(null);
      } else if (isApiProblem(error) && error.errors.length > 0) {
        setServerErrors(Object.fromEntries(error.errors.map((e) => [e.field, e.message])));
        setProblem('The server refused some fields; they are marked below.');
        focusFirstInvalid();
      } else {
        setProblem(describeError(error));
      }
    },
  });

  const submit = () => {
    setAttempted(true);
    setProblem(null);
    const found = validateDraft(draft, mode);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    save.mutate();
  };
  const clientCount = Object.keys(clientErrors).length;

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={base ? `New version of ${base.name}` : 'New lifecycle template'}
      description={
        base
          ? `Starts from v${base.templateVersion}. Publishing makes v${base.templateVersion + 1} or later; running projects keep their version until migrated.`
          : 'A methodology: phases, each closed by a stage gate with criteria and deliverables.'
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {base ? 'Publish new version' : 'Create template'}
          </Button>
        </>
      }
    >
      <div className="stack gov-editor">
        {problem && (
          <Alert tone="error" title="The template was not saved">
            {problem}
          </Alert>
        )}
        {unplaced.length > 0 && (
          <Alert tone="error" title="Fix these first">
            <ul>
              {unplaced.map(([path, message]) => (
                <li key={path}>
                  {describePath(path, draft)}: {message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {attempted && clientCount > 0 && (
          <Alert tone="error" title={`${clientCount} problem${clientCount === 1 ? '' : 's'} to fix`}>
            Each is marked at its field below.
          </Alert>
        )}
        <div className="grid-2">
          <Field label="Name" required error={errors.name}>
            <Input
              value={draft.name}
              maxLength={NAME_MAX}
              onChange={(e) => {
                const name = e.target.value;
                const follow =
                  mode === 'create' && (draft.key === '' || draft.key === keyFromText(draft.name));
                change({ ...draft, name, ...(follow ? { key: keyFromText(name) } : {}) }, 'name');
              }}
            />
          </Field>
          {base ? (
            <div className="b-field">
              <span className="b-field__label">Key, approach and where it is defined</span>
              <p className="gov-fixed">
                <span className="mono">{base.key}</span> · {APPROACH_LABELS[base.approach]} ·{' '}
                {definedAt(base)}
              </p>
            </div>
          ) : (
            <Field label="Key" required error={errors.key} hint={`${KEY_HINT} It never changes.`}>
              <Input
                className="mono"
                value={draft.key}
                maxLength={KEY_MAX}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set('key', e.target.value)}
              />
            </Field>
          )}
          {!base && (
            <>
              <Field label="Approach" required error={errors.approach}>
                <Select
                  value={draft.approach}
                  options={APPROACHES.map((a) => ({ value: a, label: APPROACH_LABELS[a] }))}
                  onChange={(e) => set('approach', e.target.value as Approach)}
                />
              </Field>
              <Field
                label="Defined at"
                error={errors.orgUnitId ?? (units.isError ? 'Could not load the org units.' : undefined)}
                hint="It applies to this unit and everything beneath it."
              >
                <Select
                  value={draft.orgUnitId}
                  placeholder="Whole organisation"
                  options={unitOptions}
                  disabled={units.isPending}
                  onChange={(e) => set('orgUnitId', e.target.value)}
                />
              </Field>
            </>
          )}
          <Field label="Description" className="span-all" error={errors.description}>
            <Textarea
              rows={2}
              value={draft.description}
              maxLength={DESCRIPTION_MAX}
              onChange={(e) => set('description', e.target.value)}
            />
          </Field>
        </div>
        <h3 className="gov-section-title">Phases and gates</h3>
        <PhaseEditor
          phases={draft.phases}
          errors={errors}
          maxPhases={MAX_PHASES}
          onChange={(phases, touched) => change({ ...draft, phases }, touched)}
        />
      </div>
    </Dialog>
  );
}

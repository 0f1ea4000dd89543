import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import {
  createOrgUnit,
  createPortfolio,
  createProgram,
  orgKeys,
  updateOrgUnit,
  updatePortfolio,
  updateProgram,
} from '../../api/org.ts';
import { useOrgUnits, usePortfolios } from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';

export type OrgNodeKind = 'orgUnit' | 'portfolio' | 'program';
export type OrgNodeTarget = {
  kind: OrgNodeKind;
  /** Present when renaming. */
  existing?: { id: string; version: number; code: string; name: string };
  /** Preselected parent when creating. */
  parentId?: string;
};

const NOUN: Record<OrgNodeKind, string> = { orgUnit: 'org unit', portfolio: 'portfolio', program: 'program' };
const PARENT_LABEL: Record<OrgNodeKind, string> = {
  orgUnit: 'Parent unit',
  portfolio: 'Org unit',
  program: 'Portfolio',
};
const KINDS = [
  { value: 'department', label: 'Department' },
  { value: 'business_unit_pmo', label: 'Business-unit PMO' },
  { value: 'enterprise_pmo', label: 'Enterprise PMO' },
];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Errors = Partial<Record<'code' | 'name' | 'parent' | 'form', string>>;

/** Creates or renames an org unit, portfolio or program. */
export function OrgNodeDialog({ target, onClose }: { target: OrgNodeTarget; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const { kind, existing } = target;
  const [code, setCode] = useState(existing?.code ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [parent, setParent] = useState(target.parentId ?? '');
  const [unitKind, setUnitKind] = useState<'department' | 'business_unit_pmo' | 'enterprise_pmo'>(
    'department',
  );
  const [errors, setErrors] = useState<Errors>({});

  const save = useMutation({
    mutationFn: async () => {
      const c = code.trim();
      const n = name.trim();
      if (existing) {
        const body = { version: existing.version, code: c, name: n };
        if (kind === 'orgUnit') return updateOrgUnit(existing.id, body);
        if (kind === 'portfolio') return updatePortfolio(existing.id, body);
        return updateProgram(existing.id, body);
      }
      if (kind === 'orgUnit')
        return createOrgUnit({ code: c, name: n, kind: unitKind, parentId: parent || null });
      if (kind === 'portfolio')
        return createPortfolio({ code: c, name: n, ...(parent ? { orgUnitId: parent } : {}) });
      return createProgram({ code: c, name: n, portfolioId: parent });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      showToast({
        tone: 'success',
        title: existing ? 'Renamed' : `${NOUN[kind][0]?.toUpperCase()}${NOUN[kind].slice(1)} created`,
        text: saved.name,
      });
      onClose();
    },
    onError: (error) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        void queryClient.invalidateQueries({ queryKey: orgKeys.all });
        setErrors({ form: 'Someone else changed this meanwhile. Close and try again on the fresh version.' });
      } else if (isApiProblem(error) && error.errors.length > 0) {
        setErrors({
          ...(error.messageFor('code') ? { code: `Code ${error.messageFor('code')}` } : {}),
          ...(error.messageFor('name') ? { name: `Name ${error.messageFor('name')}` } : {}),
          form: error.detail ?? error.title,
        });
      } else setErrors({ form: describeError(error) });
    },
  });

  const submit = () => {
    const found: Errors = {};
    if (!CODE.test(code.trim()) || code.trim().length > 32)
      found.code = 'Up to 32 letters, digits, dots, dashes or underscores.';
    if (!name.trim()) found.name = 'Give it a name.';
    if (!existing && kind === 'program' && !parent) found.parent = 'Choose the portfolio it belongs to.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  const parentOptions =
    kind === 'program'
      ? (portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))
      : orgUnitOptions(units.data ?? []);

  return (
    <Dialog
      open
      onClose={onClose}
      title={existing ? `Rename ${existing.name}` : `New ${NOUN[kind]}`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {existing ? 'Save' : `Create ${NOUN[kind]}`}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid-2">
          <Field label="Code" error={errors.code} required>
            <Input className="mono" value={code} maxLength={32} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Field label="Name" error={errors.name} required>
            <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Field>
        </div>
        {!existing && (
          <Field
            label={PARENT_LABEL[kind]}
            error={errors.parent}
            required={kind === 'program'}
            hint={kind === 'portfolio' ? 'Defaults to the enterprise PMO.' : undefined}
          >
            <Select
              value={parent}
              onChange={(e) => setParent(e.target.value)}
              placeholder={kind === 'program' ? 'Choose…' : kind === 'orgUnit' ? '— Top level —' : 'Default'}
              options={parentOptions}
            />
          </Field>
        )}
        {!existing && kind === 'orgUnit' && (
          <Field label="Kind">
            <Select
              value={unitKind}
              onChange={(e) => setUnitKind(e.target.value as typeof unitKind)}
              options={KINDS}
            />
          </Field>
        )}
      </div>
    </Dialog>
  );
}

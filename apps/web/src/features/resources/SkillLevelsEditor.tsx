import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import { createSkill, resourceKeys } from '../../api/resources.ts';
import { Button } from '../../design/Button.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LEVEL_OPTIONS, useSkills } from './resource-queries.ts';

export type SkillDraft = { skillId: string; level: number };

/** A list of skill + level pairs; a skill the organisation lacks can be created on the spot. */
export function SkillLevelsEditor({
  value,
  onChange,
  idBase,
}: {
  value: readonly SkillDraft[];
  onChange: (next: SkillDraft[]) => void;
  idBase: string;
}) {
  const skills = useSkills();
  const queryClient = useQueryClient();
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (name: string) => createSkill({ name }),
    onSuccess: (skill) => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.skills });
      onChange([...value, { skillId: skill.id, level: 3 }]);
      setNewName('');
      setError(null);
    },
    onError: (e) => setError(describeError(e)),
  });
  const all = skills.data ?? [];
  const taken = new Set(value.map((s) => s.skillId));
  const free = all.filter((s) => !taken.has(s.id));
  const nameOf = (id: string) => all.find((s) => s.id === id)?.name ?? 'Skill';
  const set = (i: number, patch: Partial<SkillDraft>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  return (
    <div className="stack-sm">
      {value.length === 0 && <p className="muted">No skills yet.</p>}
      {value.map((s, i) => (
        <div key={s.skillId} className="inline-form">
          <span className="skill-chip">{nameOf(s.skillId)}</span>
          <label className="visually-hidden" htmlFor={`${idBase}-level-${i}`}>
            Level of {nameOf(s.skillId)}
          </label>
          <Select
            id={`${idBase}-level-${i}`}
            controlSize="sm"
            value={String(s.level)}
            options={LEVEL_OPTIONS}
            onChange={(e) => set(i, { level: Number(e.target.value) })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove ${nameOf(s.skillId)}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <div className="inline-form">
        <label className="visually-hidden" htmlFor={`${idBase}-add`}>
          Add a skill
        </label>
        <Select
          id={`${idBase}-add`}
          controlSize="sm"
          value=""
          placeholder={free.length ? 'Add a skill…' : 'No more skills to add'}
          disabled={free.length === 0}
          options={free.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => e.target.value && onChange([...value, { skillId: e.target.value, level: 3 }])}
        />
        <label className="visually-hidden" htmlFor={`${idBase}-new`}>
          New skill name
        </label>
        <Input
          id={`${idBase}-new`}
          controlSize="sm"
          placeholder="or a new skill"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (newName.trim()) create.mutate(newName.trim());
            }
          }}
        />
        <Button
          size="sm"
          disabled={!newName.trim()}
          loading={create.isPending}
          onClick={() => create.mutate(newName.trim())}
        >
          Create skill
        </Button>
      </div>
      {error && (
        <p className="b-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

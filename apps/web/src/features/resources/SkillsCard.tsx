import { useState } from 'react';
import { type ResourceDetail, setResourceSkills } from '../../api/resources.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { SkillChips } from './SkillChips.tsx';
import { type SkillDraft, SkillLevelsEditor } from './SkillLevelsEditor.tsx';
import { useResourceChange } from './use-resource-change.ts';

function draftsOf(r: ResourceDetail): SkillDraft[] {
  return r.skills.map((s) => ({ skillId: s.skillId, level: s.level }));
}

export function SkillsCard({ resource, canEdit }: { resource: ResourceDetail; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [drafts, setDrafts] = useState<SkillDraft[]>(() => draftsOf(resource));
  const save = useResourceChange(
    resource.id,
    (skills: SkillDraft[]) => setResourceSkills(resource.id, resource.version, skills),
    'Skills saved',
  );
  return (
    <Card
      title="Skills"
      actions={
        canEdit && !editing ? (
          <Button
            size="sm"
            onClick={() => {
              setDrafts(draftsOf(resource));
              setEditing(true);
            }}
          >
            Edit skills
          </Button>
        ) : null
      }
    >
      {editing ? (
        <div className="stack">
          <SkillLevelsEditor idBase="resource-skill" value={drafts} onChange={setDrafts} />
          <div className="row">
            <Button
              variant="primary"
              loading={save.isPending}
              onClick={() => save.mutate(drafts, { onSuccess: () => setEditing(false) })}
            >
              Save skills
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </div>
      ) : (
        <SkillChips skills={resource.skills} max={50} />
      )}
    </Card>
  );
}

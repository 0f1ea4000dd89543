import { useRef } from 'react';
import { type Baseline, scheduleExportUrl } from '../../api/schedule.ts';
import { Button } from '../../design/Button.tsx';
import { Select } from '../../design/Select.tsx';
import type { Zoom } from './schedule-model.ts';

type BaselineOption = Pick<Baseline, 'number' | 'name'>;

export function ScheduleToolbar({
  projectId,
  canEdit,
  selectedCount,
  hasTasks,
  busy,
  zoom,
  mode,
  baselineNumber,
  baselines,
  onAddTask,
  onAddMilestone,
  onIndent,
  onOutdent,
  onDelete,
  onLink,
  onSetBaseline,
  onBaseline,
  onZoom,
  onImport,
  onPlanSettings,
}: {
  projectId: string;
  canEdit: boolean;
  selectedCount: number;
  hasTasks: boolean;
  busy: string | null;
  zoom: Zoom;
  mode: 'gantt' | 'milestones';
  baselineNumber: number | null;
  baselines: readonly BaselineOption[];
  onAddTask: () => void;
  onAddMilestone: () => void;
  onIndent: () => void;
  onOutdent: () => void;
  onDelete: () => void;
  onLink: () => void;
  onSetBaseline: () => void;
  onBaseline: (n: number | null) => void;
  onZoom: (zoom: Zoom) => void;
  onImport: (file: File) => void;
  onPlanSettings: () => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const none = selectedCount === 0;
  return (
    <div className="schedule-toolbar" role="toolbar" aria-label="Plan tools">
      {canEdit && (
        <div className="schedule-toolbar__group">
          <Button size="sm" variant="primary" onClick={onAddTask}>
            <span aria-hidden="true">+</span> Task
          </Button>
          <Button size="sm" onClick={onAddMilestone}>
            <span aria-hidden="true" className="schedule-toolbar__diamond">
              ◆
            </span>{' '}
            Milestone
          </Button>
        </div>
      )}
      {canEdit && hasTasks && (
        <div className="schedule-toolbar__group">
          <Button
            size="sm"
            variant="ghost"
            iconOnly
            onClick={onOutdent}
            disabled={none}
            aria-label="Outdent"
            title="Outdent (move up a level)"
          >
            <span aria-hidden="true">⇤</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            iconOnly
            onClick={onIndent}
            disabled={none}
            aria-label="Indent"
            title="Indent (make a subtask of the task above)"
          >
            <span aria-hidden="true">⇥</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={onLink}
            disabled={selectedCount < 2}
            title="Link the selected tasks finish-to-start, in plan order"
          >
            Link FS
          </Button>
          <Button size="sm" variant="ghost" onClick={onDelete} disabled={none}>
            Delete
          </Button>
        </div>
      )}
      {hasTasks && mode === 'gantt' && (
        <fieldset className="schedule-toolbar__group schedule-toolbar__segmented">
          <legend className="visually-hidden">Zoom</legend>
          {(['day', 'week', 'month'] as const).map((z) => (
            <Button key={z} size="sm" variant="ghost" aria-pressed={zoom === z} onClick={() => onZoom(z)}>
              {z === 'day' ? 'Day' : z === 'week' ? 'Week' : 'Month'}
            </Button>
          ))}
        </fieldset>
      )}
      {hasTasks && (
        <div className="schedule-toolbar__group">
          <Select
            controlSize="sm"
            aria-label="Baseline to compare"
            value={baselineNumber === null ? '' : String(baselineNumber)}
            onChange={(event) => onBaseline(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">No baseline</option>
            {baselines.map((b) => (
              <option key={b.number} value={b.number}>
                {b.name}
              </option>
            ))}
          </Select>
          {canEdit && (
            <Button size="sm" onClick={onSetBaseline} loading={busy === 'baseline'}>
              Set baseline
            </Button>
          )}
        </div>
      )}
      <div className="schedule-toolbar__group schedule-toolbar__end">
        {canEdit && (
          <>
            <Button
              size="sm"
              variant="ghost"
              iconOnly
              onClick={onPlanSettings}
              aria-label="Plan settings"
              aria-haspopup="dialog"
              title="Plan settings: schedule from, dates, calendar"
            >
              <span aria-hidden="true">⚙</span>
            </Button>
            <input
              ref={fileRef}
              type="file"
              accept=".xml,application/xml,text/xml"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Microsoft Project file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) onImport(file);
              }}
            />
            <Button size="sm" onClick={() => fileRef.current?.click()} loading={busy === 'import'}>
              Import MSPDI
            </Button>
          </>
        )}
        {hasTasks && (
          <>
            <span className="schedule-toolbar__label">Export</span>
            <a
              className="b-button b-button--ghost b-button--sm"
              href={scheduleExportUrl(projectId, 'xml')}
              download
              title="Microsoft Project XML (MSPDI)"
            >
              .xml
            </a>
            <a
              className="b-button b-button--ghost b-button--sm"
              href={scheduleExportUrl(projectId, 'csv')}
              download
            >
              .csv
            </a>
          </>
        )}
      </div>
    </div>
  );
}

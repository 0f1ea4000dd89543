import { DOCUMENT_EXTENSIONS } from '@baton/interop';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/client.ts';
import type { ProjectLifecycle } from '../../api/governance.ts';
import {
  ACCEPTED_EXTENSIONS,
  checkChosenFile,
  deliverableLabel,
  deliverableOptions,
  formatBytes,
  titleFromFileName,
  uploadErrorText,
} from './document-model.ts';

describe('document model', () => {
  it('accepts exactly the extensions the server keeps', () => {
    expect([...ACCEPTED_EXTENSIONS].sort()).toEqual([...DOCUMENT_EXTENSIONS].sort());
  });

  it('checks a chosen file before it is sent', () => {
    expect(checkChosenFile({ name: 'Charter.PDF', size: 10 })).toBeNull();
    expect(checkChosenFile({ name: 'page.html', size: 10 })).toContain('.html files are not accepted');
    expect(checkChosenFile({ name: 'README', size: 10 })).toContain('without an extension');
    expect(checkChosenFile({ name: 'empty.txt', size: 0 })).toContain('empty');
  });

  it('formats sizes and titles', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(1_572_864)).toBe('1.5 MiB');
    expect(formatBytes(25 * 1_048_576)).toBe('25 MiB');
    expect(titleFromFileName('project-charter_v2.docx')).toBe('project charter v2');
  });

  it('offers the gate deliverables of the lifecycle and names a linked one', () => {
    const lifecycle = {
      phases: [
        {
          key: 'initiate',
          name: 'Initiate',
          gate: { deliverables: [{ key: 'charter-doc', name: 'Project charter' }] },
        },
        { key: 'plan', name: 'Plan', gate: { deliverables: [] } },
      ],
    } as unknown as ProjectLifecycle;
    expect(deliverableOptions(lifecycle)).toEqual([
      {
        value: 'initiate/charter-doc',
        label: 'Initiate — Project charter',
        phaseKey: 'initiate',
        deliverableKey: 'charter-doc',
      },
    ]);
    expect(deliverableOptions(null)).toEqual([]);
    expect(deliverableLabel(lifecycle, 'initiate', 'charter-doc')).toBe('Initiate — Project charter');
    expect(deliverableLabel(lifecycle, 'close', 'report')).toBe('close / report');
    expect(deliverableLabel(lifecycle, null, null)).toBeNull();
  });

  it('explains refusals with what the server said', () => {
    const problem = (status: number, detail: string) =>
      new ApiProblem({ type: 'x', title: 't', status, detail });
    expect(uploadErrorText(problem(413, 'limit of 25 MiB'))).toBe('Too large: limit of 25 MiB');
    expect(uploadErrorText(problem(415, 'its content is HTML (text/html)'))).toBe(
      'Refused: its content is HTML (text/html)',
    );
  });
});

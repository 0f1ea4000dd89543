import type { CustomField } from '@baton/contracts';
import type { CustomFieldType } from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { definedOnly, recordChange } from '../shared/record-change.ts';
import type { CustomFieldRow, CustomFieldsRepository } from './custom-fields.repository.ts';

const snap = (f: CustomFieldRow) => ({
  key: f.key,
  label: f.label,
  type: f.type,
  required: f.required,
  options: f.options,
  description: f.description,
});
const toDto = (f: CustomFieldRow): CustomField => ({
  id: f.id,
  version: f.version,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
  ...snap(f),
  type: f.type as CustomFieldType,
});

/** The extra project fields a PMO defines for itself. */
export class CustomFieldsService {
  constructor(
    private readonly db: Database,
    private readonly repo: CustomFieldsRepository,
    private readonly journal: JournalRepository,
  ) {}

  async list(): Promise<CustomField[]> {
    return (await this.repo.list()).map(toDto);
  }

  async create(
    actor: Actor,
    input: {
      key: string;
      label: string;
      type: CustomFieldType;
      required: boolean;
      options: string[];
      description: string | null;
    },
  ): Promise<CustomField> {
    return this.db.transaction(async (tx) => {
      if (await this.repo.keyTaken(tx, input.key)) {
        throw conflict('A custom field with this key exists.', [
          { field: 'key', rule: 'unique', message: 'is already in use' },
        ]);
      }
      const row = await this.repo.insert(tx, { ...input, createdBy: actor.userId, updatedBy: actor.userId });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'custom_field', id: row.id, action: 'create' },
        null,
        snap(row),
      );
      return toDto(row);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: {
      version: number;
      label?: string | undefined;
      required?: boolean | undefined;
      options?: string[] | undefined;
      description?: string | null | undefined;
    },
  ): Promise<CustomField> {
    const { version, ...patch } = input;
    return this.db.transaction(async (tx) => {
      const before = await this.repo.get(tx, id);
      if (!before) throw notFound('Custom field');
      if (before.version !== version) throw staleVersion(before.version, version);
      if (before.type === 'choice' && patch.options !== undefined && patch.options.length === 0) {
        throw invalid('options', 'non_empty', 'a choice field needs at least one option');
      }
      const after = await this.repo.update(tx, id, version, definedOnly(patch), actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'custom_field', id, action: 'update' },
        snap(before),
        snap(after),
      );
      return toDto(after);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.get(tx, id);
      if (!before) throw notFound('Custom field');
      await this.repo.delete(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'custom_field', id, action: 'delete' },
        snap(before),
        null,
      );
    });
  }
}

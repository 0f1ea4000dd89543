import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from './backup.ts';
import { documents, documentVersions } from './schema.ts';
import { openTestDatabase } from './test-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const asBuffer = (v: unknown) =>
  Buffer.isBuffer(v)
    ? v
    : Buffer.from((v as Uint8Array).buffer, (v as Uint8Array).byteOffset, (v as Uint8Array).byteLength);

describe('backup and restore of document content', () => {
  it('round-trips binary versions byte for byte, across several small batches', async () => {
    const source = await openTestDatabase();
    const target = await openTestDatabase();
    try {
      const contents = [
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)), // every byte value, NUL and backslash included
        Buffer.from('\\x41"quoted"\\\\ not hex\u0000', 'latin1'),
        randomBytes(3 * 1_048_576), // beyond TOAST's inline size, and several MiB of hex in the file
        ...Array.from({ length: 7 }, (_, i) => randomBytes(1000 + i)), // more rows than one batch holds
      ];
      const [doc] = await source.db
        .insert(documents)
        .values({ code: 'DOC-0001', category: 'guide', title: 'Binary', currentVersion: contents.length })
        .returning();
      if (!doc) throw new Error('no document');
      await source.db.insert(documentVersions).values(
        contents.map((content, i) => ({
          documentId: doc.id,
          versionNo: i + 1,
          fileName: `v${i + 1}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
        })),
      );
      const file = join(dir, 'documents.jsonl.gz');
      const written = await writeBackup(source.db, file);
      expect(written.tables.document_versions).toBe(contents.length);
      const restored = await restoreBackup(target.db, file);
      expect(restored.tables.document_versions).toBe(contents.length);

      const rows = await target.db
        .select()
        .from(documentVersions)
        .where(eq(documentVersions.documentId, doc.id))
        .orderBy(asc(documentVersions.versionNo));
      expect(rows).toHaveLength(contents.length);
      rows.forEach((row, i) => {
        const bytes = asBuffer(row.content);
        expect(bytes.equals(contents[i] as Buffer), `version ${i + 1}`).toBe(true);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
      });
    } finally {
      await source.close();
      await target.close();
    }
  });
});

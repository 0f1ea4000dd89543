import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkUpload, extensionOf, kindOfExtension, sniffContent, zipEntryNames } from './document-type.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A ZIP archive with stored (uncompressed) entries, in the given order. */
function storedZip(entries: readonly [name: string, content: string][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'latin1');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CT: [string, string] = ['[Content_Types].xml', '<Types/>'];
const docx = storedZip([CT, ['_rels/.rels', '<r/>'], ['word/document.xml', '<w:document/>']]);
const pptx = storedZip([CT, ['ppt/presentation.xml', '<p/>']]);
const odt = storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
  ['META-INF/manifest.xml', '<manifest/>'],
]);
const PDF = bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('document type sniffing', () => {
  it('recognises the kept binary kinds by their signature or archive entries', async () => {
    expect(sniffContent(PDF)).toEqual({ kind: 'binary', type: 'pdf' });
    expect(sniffContent(PNG)).toEqual({ kind: 'binary', type: 'png' });
    expect(sniffContent(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toEqual({
      kind: 'binary',
      type: 'jpeg',
    });
    expect(sniffContent(bytes('GIF89a\x01\x00'))).toEqual({ kind: 'binary', type: 'gif' });
    expect(sniffContent(docx)).toEqual({ kind: 'binary', type: 'docx' });
    expect(sniffContent(pptx)).toEqual({ kind: 'binary', type: 'pptx' });
    expect(sniffContent(odt)).toEqual({ kind: 'binary', type: 'odt' });
    // a real, deflated workbook as exceljs writes it
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Risks').addRow(['Title']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toContain('xl/workbook.xml');
    expect(sniffContent(xlsx)).toEqual({ kind: 'binary', type: 'xlsx' });
  });

  it('refuses executables, scripts, archives that are not Office files and macro-enabled Office files', () => {
    const found = (b: Uint8Array) => {
      const r = sniffContent(b);
      return r.kind === 'refused' ? r.found.mediaType : r.kind;
    };
    expect(found(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]))).toBe(
      'application/vnd.microsoft.portable-executable',
    );
    expect(found(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBe('application/x-executable');
    expect(found(bytes('#!/bin/sh\nrm -rf /\n'))).toBe('text/x-shellscript');
    expect(found(storedZip([['evil.exe', 'MZ']]))).toBe('application/zip');
    expect(found(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('application/gzip');
    expect(found(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'application/x-ole-storage',
    );
    const docm = storedZip([CT, ['word/document.xml', '<w/>'], ['word/vbaProject.bin', 'x']]);
    expect(found(docm)).toBe('application/vnd.ms-office.vbaProject');
    expect(found(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('application/zip'); // damaged
    expect(found(new Uint8Array([0x00, 0x01, 0x02]))).toBe('application/octet-stream');
  });

  it('tells HTML, SVG and XML from plain text', () => {
    const found = (s: string) => {
      const r = sniffContent(bytes(s));
      return r.kind === 'refused' ? r.found.mediaType : r.kind;
    };
    expect(found('<!DOCTYPE html><p>hi')).toBe('text/html');
    expect(found('\ufeff \n\t<HtMl>')).toBe('text/html');
    expect(found('Title,Owner\n"x",<script>alert(1)</script>\n')).toBe('text/html');
    expect(found('<p onclick="x()">text')).toBe('text/html');
    expect(found('Notes\n<img src=x onerror=alert(1)>')).toBe('text/html');
    expect(found('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')).toBe('image/svg+xml');
    expect(found('<?xml version="1.0"?>\n<svg/>')).toBe('image/svg+xml');
    expect(found('<?xml version="1.0"?>\n<project/>')).toBe('application/xml');
    // text that merely mentions a comparison or starts like a signature stays text
    expect(found('Budget <5% over, risk score >12\n')).toBe('text');
    expect(found('MZ Logistics — weekly notes\n')).toBe('text');
    expect(found('BZh is not an archive here')).toBe('text');
    expect(found('PKI rollout: certificates issued\n')).toBe('text');
    expect(found('Gross margin, € 1.200\n')).toBe('text');
  });
});

describe('upload checks: extension and content together', () => {
  it('keeps a file whose content is what its name says, with Baton’s media type', () => {
    expect(checkUpload('Charter.PDF', PDF)).toEqual({ ok: true, type: 'pdf', mediaType: 'application/pdf' });
    expect(checkUpload('plan.docx', docx)).toMatchObject({ ok: true, type: 'docx' });
    expect(checkUpload('risks.csv', bytes('Title,Score\nVendor late,12\n'))).toMatchObject({
      ok: true,
      mediaType: 'text/csv',
    });
    expect(checkUpload('notes.md', bytes('# Lessons\n- plan earlier\n'))).toMatchObject({
      ok: true,
      type: 'md',
    });
    expect(checkUpload('data.json', bytes('{"a":1}'))).toMatchObject({ ok: true, type: 'json' });
  });

  it('refuses a disguised file, naming what it really is', () => {
    const html = checkUpload('report.pdf', bytes('<html><script>alert(1)</script></html>'));
    expect(html).toMatchObject({ ok: false, reason: 'content', found: { mediaType: 'text/html' } });
    expect(html.ok ? '' : html.message).toContain('text/html');
    const exe = checkUpload('report.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]));
    expect(exe).toMatchObject({ ok: false, found: { label: 'a Windows executable' } });
    expect(checkUpload('plan.xlsx', docx)).toMatchObject({ ok: false, found: { label: 'Word document' } });
    expect(checkUpload('scan.png', PDF)).toMatchObject({
      ok: false,
      found: { mediaType: 'application/pdf' },
    });
    expect(checkUpload('plan.docx', bytes('just text'))).toMatchObject({
      ok: false,
      found: { mediaType: 'text/plain' },
    });
    expect(checkUpload('data.json', bytes('{nope'))).toMatchObject({ ok: false, reason: 'content' });
  });

  it('refuses extensions it does not keep, and empty files', () => {
    for (const name of ['page.html', 'logo.svg', 'run.exe', 'app.js', 'bundle.zip', 'README']) {
      expect(checkUpload(name, bytes('hello')), name).toMatchObject({ ok: false, reason: 'extension' });
    }
    expect(checkUpload('empty.txt', new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('reads extensions from the last dot of the base name', () => {
    expect(extensionOf('a/b.c/report.final.PDF')).toBe('.pdf');
    expect(extensionOf('.bashrc')).toBe('');
    expect(kindOfExtension('photo.JPEG')).toBe('jpeg');
    expect(kindOfExtension('x.pdf.exe')).toBeNull();
  });
});

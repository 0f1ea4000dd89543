/**
 * What a document upload is, decided from its bytes and its name together: the clearinghouse keeps
 * only the types below, and only when the content is what the name says. Nothing here trusts the
 * media type a client sent.
 */

/** The kinds of file the clearinghouse keeps. */
export const DOCUMENT_KINDS = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'png',
  'jpeg',
  'gif',
  'csv',
  'txt',
  'md',
  'json',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

type KindInfo = { mediaType: string; extensions: readonly string[]; label: string };

export const DOCUMENT_KIND_INFO: Readonly<Record<DocumentKind, KindInfo>> = {
  pdf: { mediaType: 'application/pdf', extensions: ['.pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    label: 'Word document',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    label: 'Excel workbook',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
    label: 'PowerPoint presentation',
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['.odt'],
    label: 'OpenDocument text',
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['.ods'],
    label: 'OpenDocument spreadsheet',
  },
  odp: {
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['.odp'],
    label: 'OpenDocument presentation',
  },
  png: { mediaType: 'image/png', extensions: ['.png'], label: 'PNG image' },
  jpeg: { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG image' },
  gif: { mediaType: 'image/gif', extensions: ['.gif'], label: 'GIF image' },
  csv: { mediaType: 'text/csv', extensions: ['.csv'], label: 'CSV' },
  txt: { mediaType: 'text/plain', extensions: ['.txt'], label: 'plain text' },
  md: { mediaType: 'text/markdown', extensions: ['.md', '.markdown'], label: 'Markdown' },
  json: { mediaType: 'application/json', extensions: ['.json'], label: 'JSON' },
};

/** Every media type Baton stores (what a download is served as). */
export const DOCUMENT_MEDIA_TYPES: readonly string[] = DOCUMENT_KINDS.map(
  (k) => DOCUMENT_KIND_INFO[k].mediaType,
);

/** Every accepted file-name extension, for a file picker's accept attribute. */
export const DOCUMENT_EXTENSIONS: readonly string[] = DOCUMENT_KINDS.flatMap(
  (k) => DOCUMENT_KIND_INFO[k].extensions,
);

/** Content Baton recognised and refuses, named for the person who sent it. */
export type RefusedContent = { label: string; mediaType: string };

/** What the bytes are: one of the kept binary kinds, plain text, or something refused. */
export type SniffedContent =
  | { kind: 'binary'; type: Exclude<DocumentKind, 'csv' | 'txt' | 'md' | 'json'> }
  | { kind: 'text' }
  | { kind: 'refused'; found: RefusedContent };

export type UploadCheck =
  | { ok: true; type: DocumentKind; mediaType: string }
  | { ok: false; reason: 'extension' | 'content' | 'empty'; found: RefusedContent | null; message: string };

const refused = (label: string, mediaType: string): SniffedContent => ({
  kind: 'refused',
  found: { label, mediaType },
});

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const latin1 = new TextDecoder('latin1');

/** The entry names of a ZIP archive from its central directory, or null when it is not a readable one. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  // ZIP64 markers, or a directory outside the file: not an archive we read.
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > eocd) return null;
    names.push(latin1.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ODF_TYPES: Readonly<Record<string, 'odt' | 'ods' | 'odp'>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** The ODF media type an archive declares in its leading, uncompressed `mimetype` entry. */
function odfMimetype(bytes: Uint8Array): string | null {
  const nameLength = u16(bytes, 26);
  const extraLength = u16(bytes, 28);
  if (nameLength !== 8 || latin1.decode(bytes.subarray(30, 38)) !== 'mimetype') return null;
  if (u16(bytes, 8) !== 0) return null; // must be stored, not deflated
  const size = u32(bytes, 18);
  const start = 30 + nameLength + extraLength;
  if (size > 100 || start + size > bytes.length) return null;
  return latin1.decode(bytes.subarray(start, start + size));
}

function sniffZip(bytes: Uint8Array): SniffedContent {
  const names = zipEntryNames(bytes);
  if (!names) return refused('a damaged or unreadable ZIP archive', 'application/zip');
  const has = new Set(names);
  const macros = names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /^(Basic|Scripts)\//.test(n));
  const odf = odfMimetype(bytes);
  const odfType = odf ? ODF_TYPES[odf] : undefined;
  const ooxml = has.has('[Content_Types].xml');
  if ((ooxml || odfType) && macros)
    return refused('an Office file with macros', 'application/vnd.ms-office.vbaProject');
  if (ooxml && has.has('word/document.xml')) return { kind: 'binary', type: 'docx' };
  if (ooxml && has.has('xl/workbook.xml')) return { kind: 'binary', type: 'xlsx' };
  if (ooxml && has.has('ppt/presentation.xml')) return { kind: 'binary', type: 'pptx' };
  if (odfType && has.has('content.xml')) return { kind: 'binary', type: odfType };
  return refused('a ZIP archive that is not an Office document', 'application/zip');
}

/**
 * Signatures of things Baton never keeps, checked before anything else. `binary`: the signature is
 * printable, so it counts only when the file's first bytes are not text (a note starting "MZ" is fine).
 */
const REFUSED_SIGNATURES: readonly {
  at?: number;
  bytes: readonly number[];
  binary?: true;
  label: string;
  mediaType: string;
}[] = [
  {
    bytes: ascii('MZ'),
    binary: true,
    label: 'a Windows executable',
    mediaType: 'application/vnd.microsoft.portable-executable',
  },
  { bytes: [0x7f, ...ascii('ELF')], label: 'an ELF executable', mediaType: 'application/x-executable' },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], label: 'a Mach-O executable', mediaType: 'application/x-mach-binary' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], label: 'a Mach-O executable', mediaType: 'application/x-mach-binary' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], label: 'a Mach-O executable', mediaType: 'application/x-mach-binary' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], label: 'a Mach-O executable', mediaType: 'application/x-mach-binary' },
  {
    bytes: [0xca, 0xfe, 0xba, 0xbe],
    label: 'a Java class or Mach-O universal binary',
    mediaType: 'application/java-vm',
  },
  { bytes: [0x00, ...ascii('asm')], label: 'a WebAssembly module', mediaType: 'application/wasm' },
  { bytes: ascii('#!'), label: 'a script', mediaType: 'text/x-shellscript' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    label: 'a legacy Office or OLE file (.doc, .xls, .ppt, .msi)',
    mediaType: 'application/x-ole-storage',
  },
  { bytes: ascii('{\\rtf'), label: 'an RTF document', mediaType: 'application/rtf' },
  { bytes: [0x1f, 0x8b], label: 'a gzip archive', mediaType: 'application/gzip' },
  {
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    label: 'a 7-Zip archive',
    mediaType: 'application/x-7z-compressed',
  },
  { bytes: ascii('Rar!\x1a\x07'), label: 'a RAR archive', mediaType: 'application/vnd.rar' },
  { bytes: [0xfd, ...ascii('7zXZ'), 0x00], label: 'an xz archive', mediaType: 'application/x-xz' },
  { bytes: ascii('BZh'), binary: true, label: 'a bzip2 archive', mediaType: 'application/x-bzip2' },
  {
    bytes: ascii('MSCF'),
    binary: true,
    label: 'a cabinet archive',
    mediaType: 'application/vnd.ms-cab-compressed',
  },
  { at: 257, bytes: ascii('ustar'), binary: true, label: 'a tar archive', mediaType: 'application/x-tar' },
];

/** True for a byte no text file holds (NUL and the C0 controls other than tab, LF, FF, CR). */
function isBinaryByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;
}

const WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/**
 * Markup anywhere in a text that makes it a web page or runs code: a document or script tag in any
 * case, an HTML doctype however spaced, an XML style sheet, or an event-handler attribute in a tag.
 */
const ACTIVE_MARKUP =
  /<(?:!doctype[\t\n\f\r ]+html|\?xml-stylesheet|(?:html|head|body|script|iframe|frame|frameset|object|embed|applet|svg|meta|base|link)(?=[\t\n\f\r />]|$))|<[a-z][^<>]*[\t\n\f\r /]on[a-z]+[\t\n\f\r ]*=/i;

/** What a text is when it is markup: XML, SVG or HTML; null when it is plain text. */
function sniffMarkup(bytes: Uint8Array): SniffedContent | null {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && WHITESPACE.has(bytes[i] as number)) i++;
  const text = latin1.decode(bytes);
  const leadsWithTag = bytes[i] === 0x3c && /^<[A-Za-z!?/]/.test(text.slice(i, i + 2));
  if (!leadsWithTag && !ACTIVE_MARKUP.test(text)) return null;
  if (/<svg(?=[\t\n\f\r />]|$)/i.test(text)) return refused('SVG', 'image/svg+xml');
  if (/^<\?xml(?=[\t\n\f\r ?]|$)/i.test(text.slice(i)) && !/<html(?=[\t\n\f\r />]|$)/i.test(text))
    return refused('XML', 'application/xml');
  return refused('HTML', 'text/html');
}

/** Classifies bytes by their content alone (signatures, archive entries, text and markup). */
export function sniffContent(bytes: Uint8Array): SniffedContent {
  const binaryHead = bytes.subarray(0, 512).some(isBinaryByte);
  for (const s of REFUSED_SIGNATURES) {
    if (startsWith(bytes, s.bytes, s.at ?? 0) && (!s.binary || binaryHead))
      return refused(s.label, s.mediaType);
  }
  if (startsWith(bytes, ascii('%PDF-'))) return { kind: 'binary', type: 'pdf' };
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return { kind: 'binary', type: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'binary', type: 'jpeg' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { kind: 'binary', type: 'gif' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  // an empty or spanned archive; plain text may well start with "PK" (a note on a PKI rollout)
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08]))
    return refused('a ZIP archive that is not an Office document', 'application/zip');
  for (const b of bytes)
    if (isBinaryByte(b)) return refused('unrecognised binary data', 'application/octet-stream');
  return sniffMarkup(bytes) ?? { kind: 'text' };
}

/** The lower-case extension of a file name ('.pdf'), or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The kind a file name promises, or null when Baton does not keep that extension. */
export function kindOfExtension(fileName: string): DocumentKind | null {
  const ext = extensionOf(fileName);
  return DOCUMENT_KINDS.find((k) => DOCUMENT_KIND_INFO[k].extensions.includes(ext)) ?? null;
}

const TEXT_KINDS: ReadonlySet<DocumentKind> = new Set(['csv', 'txt', 'md', 'json']);
const ACCEPTED = 'PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, CSV, text, Markdown or JSON';

function isJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides whether an upload may be kept: its name's extension must be one Baton keeps, and its content
 * must be that kind of file. The media type returned is Baton's, never the client's.
 */
export function checkUpload(fileName: string, bytes: Uint8Array): UploadCheck {
  const expected = kindOfExtension(fileName);
  if (!expected) {
    const ext = extensionOf(fileName);
    return {
      ok: false,
      reason: 'extension',
      found: null,
      message: `${ext ? `Files named ${ext} are` : 'Files without an extension are'} not accepted: Baton keeps ${ACCEPTED} files.`,
    };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty', found: null, message: 'The file is empty.' };
  const info = DOCUMENT_KIND_INFO[expected];
  const content = sniffContent(bytes);
  const named = `The file is named ${extensionOf(fileName)}`;
  if (content.kind === 'refused') {
    return {
      ok: false,
      reason: 'content',
      found: content.found,
      message: `${named} but its content is ${content.found.label} (${content.found.mediaType}), which Baton does not accept.`,
    };
  }
  if (content.kind === 'binary') {
    if (content.type === expected) return { ok: true, type: expected, mediaType: info.mediaType };
    const actual = DOCUMENT_KIND_INFO[content.type];
    return {
      ok: false,
      reason: 'content',
      found: { label: actual.label, mediaType: actual.mediaType },
      message: `${named} but its content is a ${actual.label} (${actual.mediaType}): rename it to ${actual.extensions[0]}.`,
    };
  }
  if (!TEXT_KINDS.has(expected)) {
    return {
      ok: false,
      reason: 'content',
      found: { label: 'plain text', mediaType: 'text/plain' },
      message: `${named} but its content is plain text (text/plain), not a ${info.label}.`,
    };
  }
  if (expected === 'json' && !isJson(bytes)) {
    return {
      ok: false,
      reason: 'content',
      found: { label: 'text that is not JSON', mediaType: 'text/plain' },
      message: `${named} but its content is not valid UTF-8 JSON.`,
    };
  }
  return { ok: true, type: expected, mediaType: info.mediaType };
}

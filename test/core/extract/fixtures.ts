import { deflateSync, strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Files made by the tests themselves: Office Open XML packages written as raw XML and zipped, archives, e-mails,
 * and the hostile kinds (bombs, lies in headers, encryption flags, truncation).
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function docx(o: { body: string[]; header?: string; footer?: string; comment?: string; deleted?: string }): Uint8Array {
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>${o.body.map(p).join('')}${o.deleted ? `<w:p><w:del><w:r><w:delText>${esc(o.deleted)}</w:delText></w:r></w:del></w:p>` : ''}</w:body></w:document>`,
    ),
  };
  if (o.header) files['word/header1.xml'] = strToU8(`<w:hdr ${W}>${p(o.header)}</w:hdr>`);
  if (o.footer) files['word/footer1.xml'] = strToU8(`<w:ftr ${W}>${p(o.footer)}</w:ftr>`);
  if (o.comment) files['word/comments.xml'] = strToU8(`<w:comments ${W}><w:comment w:id="0">${p(o.comment)}</w:comment></w:comments>`);
  return zipSync(files);
}

/** A workbook: sheets of rows; strings go to the shared-strings table, numbers stay inline. */
export function xlsx(sheets: Record<string, Array<Array<string | number>>>): Uint8Array {
  const shared: string[] = [];
  const files: Zippable = { '[Content_Types].xml': strToU8('<Types/>') };
  const names = Object.keys(sheets);
  files['xl/workbook.xml'] = strToU8(
    `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`);
  names.forEach((n, i) => {
    const rows = sheets[n]!.map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((v, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
            shared.push(v);
            return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
          })
          .join('')}</row>`,
    );
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
  });
  files['xl/sharedStrings.xml'] = strToU8(`<sst>${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`);
  return zipSync(files);
}

export function pptx(slides: string[], notes: Record<number, string> = {}): Uint8Array {
  const files: Zippable = { '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') };
  slides.forEach((t, i) => (files[`ppt/slides/slide${i + 1}.xml`] = strToU8(`<p:sld><a:p><a:r><a:t>${esc(t)}</a:t></a:r></a:p></p:sld>`)));
  for (const [i, t] of Object.entries(notes)) files[`ppt/notesSlides/notesSlide${i}.xml`] = strToU8(`<p:notes><a:p><a:r><a:t>${esc(t)}</a:t></a:r></a:p></p:notes>`);
  return zipSync(files);
}

export const zip = (files: Record<string, Uint8Array | string>): Uint8Array => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));

/** Marks every entry encrypted (general-purpose flag bit 0), as a password-protected ZIP has it. */
export function encryptedZip(files: Record<string, string>): Uint8Array {
  const z = zip(files);
  for (let i = 0; i + 4 < z.length; i++) {
    const sig = z[i] === 0x50 && z[i + 1] === 0x4b;
    if (sig && z[i + 2] === 3 && z[i + 3] === 4) z[i + 6]! |= 1;
    if (sig && z[i + 2] === 1 && z[i + 3] === 2) z[i + 8]! |= 1;
  }
  return z;
}

/** A ZIP whose one entry inflates to `bytes` zeros: a compression ratio of about a thousand. */
export const zipBomb = (bytes: number) => zipSync({ 'zeros.txt': new Uint8Array(bytes) }, { level: 9 });

/** A ZIP whose header says its entry is tiny while it inflates to megabytes. */
export function lyingZip(): Uint8Array {
  const z = zipSync({ 'a.txt': new Uint8Array(5_000_000).fill(65) }, { level: 9 });
  for (let i = 0; i + 4 < z.length; i++) {
    if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) {
      // central directory: uncompressed size at +24 := 100
      z.set([100, 0, 0, 0], i + 24);
    }
  }
  return z;
}

export function eml(o: { subject: string; body: string; attachment?: { name: string; type: string; bytes: Uint8Array } }): string {
  const b = 'XyZ-boundary';
  const parts = [`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${o.body.replace(/=/g, '=3D')}\r\n`];
  if (o.attachment)
    parts.push(
      `Content-Type: ${o.attachment.type}; name="${o.attachment.name}"\r\nContent-Disposition: attachment; filename="${o.attachment.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${btoa(String.fromCharCode(...o.attachment.bytes)).replace(/.{76}/g, '$&\r\n')}\r\n`,
    );
  return `From: Dr. Ana Silva <ana.silva@clinic-example.org>\r\nTo: qa@ourpharma.example\r\nSubject: ${o.subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${b}"\r\n\r\n${parts.map((p) => `--${b}\r\n${p}`).join('')}--${b}--\r\n`;
}

/** The first bytes of an OLE compound file, with or without the stream name of an encrypted Office package. */
export function oleFile(encrypted: boolean): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (encrypted) b.set([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  else b.set([...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  return b;
}

export const deflated = deflateSync;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A PDF written by hand: one page per string, Helvetica, a correct cross-reference table. `encrypt` adds a
 * standard security handler whose user password is not empty, so a reader must ask for it.
 */
export function pdf(pages: string[], o: { encrypt?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 0;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const text of pages) {
    const lines = text.split('\n').map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    const content = add(`<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = o.encrypt ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o2) => `${String(o2).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

import { execFile } from 'node:child_process';

/**
 * The text of a PDF, extracted by pdf-parse (pdf.js) in a child Node process: pdf.js loads its
 * worker with a dynamic import, which Jest's CommonJS sandbox refuses. An independent reader, so
 * a test checks what a printer would print, not what our code meant to write.
 */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parsed = await new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) }).getText();
      process.stdout.write(JSON.stringify({ text: parsed.text, pages: parsed.total }));
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout) => {
        if (err) return reject(new Error(`pdf text extraction failed: ${err.message}`));
        const out = JSON.parse(stdout) as { text: string; pages: number };
        resolve({ text: out.text.replace(/\s+/g, ' '), pages: out.pages });
      },
    );
    child.stdin!.end(pdf);
  });
}

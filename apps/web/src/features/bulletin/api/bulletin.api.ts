import { apiDownload, saveFile } from '../../../lib/api-client';

/** The month's printable bulletin (a PDF, that town's staff only), saved under the API's name. */
export async function downloadBulletin(slug: string, month: string): Promise<string> {
  const { blob, filename } = await apiDownload(
    `/municipalities/${encodeURIComponent(slug)}/bulletin.pdf`,
    { query: { month } },
    `bulletin-${slug}-${month}.pdf`,
  );
  saveFile(blob, filename);
  return filename;
}

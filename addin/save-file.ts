/**
 * Saving a file the browser made (an exported .xlsx, the 公示名单 CSV) as a download through a blob: link.
 * Nothing is sent anywhere: the object URL lives in this page only.
 *
 * Where a download can go: every desktop browser; the task pane in Excel on the web and in Excel on
 * Windows (WebView2 shows the download in the pane). Office on Mac (WKWebView) ignores downloads from a
 * task pane by design (office-js #2700, #3385), so the pane says where else to get the file.
 */

/** The MIME type of an .xlsx file. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The MIME type of the CSV export (UTF-8; the text itself starts with a BOM for Excel on Chinese Windows). */
export const CSV_MIME = 'text/csv;charset=utf-8';

/** Something that saves a Blob under a file name (the DOM download, or a test's recorder). */
export type SaveFile = (blob: Blob, fileName: string) => void;

/** Hand a Blob to the browser as a download named `fileName`. */
export const saveBlob: SaveFile = (blob, fileName) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Bytes → base64 (what Excel.createWorkbook takes), in chunks so a large file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

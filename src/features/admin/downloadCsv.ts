/**
 * Saves a CSV the admin asked for as a file. The byte order mark that lets Excel read accented names is put
 * back: reading the answer as text dropped it.
 */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by then; the object URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file through a temporary object URL (works the same inside a shadow root). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  // The download has started from the URL by the next task; free the memory after a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

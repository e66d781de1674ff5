import workerUrl from './csv.worker.ts?worker&url';

/**
 * Starts the CSV worker. A page may not start a worker from another origin's URL, and the
 * widget's files come from the API's origin, so the worker starts from a same-origin Blob whose
 * only line imports the real module (the API serves /widget/* with CORS `*`).
 */
export function startCsvWorker(): Worker {
  const moduleUrl = new URL(workerUrl, import.meta.url).href;
  const blob = new Blob([`import ${JSON.stringify(moduleUrl)};`], { type: 'text/javascript' });
  const blobUrl = URL.createObjectURL(blob);
  const worker = new Worker(blobUrl, { type: 'module', name: 'lead-form-csv' });
  const release = () => URL.revokeObjectURL(blobUrl);
  worker.addEventListener('message', release, { once: true });
  worker.addEventListener('error', release, { once: true });
  return worker;
}

/**
 * Runs `task` every `seconds` for a background sweep, never two runs at once (a slow run makes
 * the next tick skip instead of piling up), and without keeping the process alive. Returns the
 * function that stops it. The task reports its own failures: a rejected run is ignored here.
 */
export function repeatEvery(seconds: number, task: () => Promise<unknown>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void task()
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

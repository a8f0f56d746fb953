/**
 * Waiting in a test for work another task does (a queue written out, a store reopened): polls
 * `condition` every `everyMs` until it holds, and throws once `timeoutMs` has passed. The timeout
 * only bounds how long a broken test hangs; it asserts nothing about speed.
 */
export async function waitUntil(condition: () => boolean | Promise<boolean>, { timeoutMs = 30_000, everyMs = 20 }: { timeoutMs?: number; everyMs?: number } = {}): Promise<void> {
  for (const start = Date.now(); !(await condition()); ) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

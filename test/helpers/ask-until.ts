/**
 * Asking a peer again until its answer settles. A caller's abort settles on the caller's side before
 * the gateway has handled the stream's reset, so what the upstream heard (a cancellation, say) can
 * arrive a moment after the caller's promise rejected: a test asks until it has arrived, within a bound.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `ask` until `done` holds for its answer or `tries` run out (20 ms apart); returns the last answer. */
export async function askUntil<T>(
  ask: () => Promise<T>,
  done: (answer: T) => boolean,
  tries = 100,
): Promise<T> {
  let answer = await ask();
  for (let tried = 1; tried < tries && !done(answer); tried++) {
    await sleep(20);
    answer = await ask();
  }
  return answer;
}

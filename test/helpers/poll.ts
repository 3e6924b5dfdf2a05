/** Polls `condition` every `every` ms for at most `ms`; returns whether it became true (a bound, never a bare sleep). */
export async function until(condition: () => boolean, ms: number, every = 20): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return condition();
}

/**
 * Whether logi colours what it writes to a stream, decided in one place, first rule that applies:
 * 1. `--color` / `--no-color` on the command line;
 * 2. `FORCE_COLOR`: `0` or `false` turns colour off; `1`, `2`, `3`, `true` or empty turns it on
 *    (Node's and chalk's convention; it wins over NO_COLOR, as in Node);
 * 3. `NO_COLOR` set to anything but the empty string turns colour off (no-color.org);
 * 4. otherwise colour when the stream is a terminal, unless `TERM=dumb`.
 */
export interface ColourInputs {
  /** `--color` (true), `--no-color` (false), or neither (undefined). */
  flag?: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

export function useColour({ flag, env, isTTY }: ColourInputs): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const value = force.trim().toLowerCase();
    if (value === '0' || value === 'false') return false;
    if (value === '' || value === 'true' || /^[1-3]$/.test(value)) return true;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** For a stream of this process: its TTY-ness and this process's environment. */
export function colourFor(stream: NodeJS.WriteStream, flag?: boolean): boolean {
  return useColour({ flag, env: process.env, isTTY: stream.isTTY === true });
}

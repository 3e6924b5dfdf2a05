/**
 * Which addresses the preview may serve on, and which `Host` headers it answers. The page shows
 * the whole workspace, so by default it is served on loopback only; a request whose `Host` is not
 * the preview's own address is refused too, so that a web page the user visits cannot reach the
 * preview through a name that resolves to 127.0.0.1 (DNS rebinding).
 */

/** The names of loopback that `--host` accepts without `--allow-remote`. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

/** `[::1]` → `::1`, `LocalHost` → `localhost`: a host as given on the command line, compared plainly. */
function normalHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}

/** Whether `host` names this machine's loopback interface (127.0.0.1, ::1 or localhost). */
export function isLoopbackHost(host: string): boolean {
  return (LOOPBACK_HOSTS as readonly string[]).includes(normalHost(host));
}

/** The host as it is written in a URL: an IPv6 address in brackets. */
export function urlHost(address: string): string {
  const host = normalHost(address);
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The `Host` headers a request to a loopback preview may carry: every loopback name with the
 * port. Browsers send the host and port of the URL they were given, so these cover every way of
 * writing the preview's own address.
 */
export function loopbackHostHeaders(port: number): Set<string> {
  return new Set(['127.0.0.1', '[::1]', 'localhost'].map((host) => `${host}:${port}`));
}

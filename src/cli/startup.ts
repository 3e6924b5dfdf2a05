/**
 * How bin/run.js and bin/dev.js load oclif's configuration. oclif trusts oclif.manifest.json
 * whenever it exists; a manifest written before the last `tsc` would list yesterday's commands and
 * flags, hiding a new command ("unknown command") or showing old flags in the help. So a manifest
 * older than dist/.tsbuildinfo (tsc rewrites it whenever it emits) is ignored, and the commands are
 * read from dist/commands, as when there is no manifest: slower (every command is imported), never
 * wrong. An installed package has no dist/.tsbuildinfo (package.json `files` leaves it out): there
 * the manifest published with it is used.
 */
import { Config, Plugin } from '@oclif/core';
import { isOlderThanBuild } from './quick-start.js';

export const MANIFEST_FILE = 'oclif.manifest.json';
export { BUILD_INFO_FILE } from './quick-start.js';

/** True when `root` has a manifest older than its last build. */
export function manifestIsStale(root: string): boolean {
  return isOlderThanBuild(root, MANIFEST_FILE);
}

/** oclif's configuration with the commands of `root` read from their files, the manifest left aside. */
export async function configWithoutManifest(root: string): Promise<Config> {
  const rootPlugin = new Plugin({ root, isRoot: true, ignoreManifest: true });
  await rootPlugin.load();
  const config = new Config({ root, plugins: new Map([[rootPlugin.name, rootPlugin]]) });
  await config.load();
  // Given a root plugin, oclif loads no other: load the core plugins (help, autocomplete) as it would.
  await config.loadPluginsAndCommands({ force: true });
  return config;
}

/** What to give oclif's `execute` as `loadOptions`: undefined (its own loading) unless the manifest must be left aside. */
export async function loadOptions(root: string, options: { development?: boolean } = {}): Promise<Config | undefined> {
  return options.development || manifestIsStale(root) ? configWithoutManifest(root) : undefined;
}

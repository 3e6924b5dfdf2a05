import { LogiCommand } from '../cli/base.js';
import { translate } from '../i18n/catalogue.js';

export interface VersionJson {
  /** The npm package, `@logi-sante/logi`. */
  name: string;
  /** The command, `logi`. */
  bin: string;
  version: string;
  node: string;
  platform: string;
  arch: string;
}

export default class Version extends LogiCommand {
  static override summary = translate('en', 'cli.command.version.summary');
  static override description = translate('en', 'cli.command.version.description');
  static override examples = [
    { description: translate('en', 'cli.command.version.example.0'), command: '<%= config.bin %> <%= command.id %>' },
    { description: translate('en', 'cli.command.version.example.1'), command: '<%= config.bin %> <%= command.id %> --json' },
  ];

  async run(): Promise<VersionJson> {
    await this.parse(Version);
    // The same line as `logi --version` and `logi -v` (oclif's user agent).
    this.log(this.config.userAgent);
    return { name: this.config.name, bin: this.config.bin, version: this.config.version, node: process.version, platform: process.platform, arch: process.arch };
  }
}

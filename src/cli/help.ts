/**
 * logi's help (`oclif.helpClass` in package.json), for `logi --help`, `logi -h`, `logi help lint`,
 * `logi lint -h`. oclif reads a command's static English texts (or their copy in
 * oclif.manifest.json); the language is known only at run time (src/hooks/init.ts chose it), so
 * each text is looked up in the catalogue by command id (src/cli/texts.ts) — the commands of
 * oclif's plugins included — with the static English as the fallback. Section headings and
 * oclif's notes (`[default: …]`, `<options: …>`) follow the language too.
 */
import { type Command, CommandHelp, Help, type Interfaces } from '@oclif/core';
import { t } from '../i18n/catalogue.js';
import { removeLanguageArgument } from './arguments.js';
import { errorText, unknownCommand } from './usage.js';
import { catalogueText, commandText } from './texts.js';

/** oclif's section headings that French writes differently (DESCRIPTION, ARGUMENTS, VERSION are the same words). */
const HEADINGS: Readonly<Record<string, string>> = {
  USAGE: 'cli.help.heading.usage',
  FLAGS: 'cli.help.heading.flags',
  'GLOBAL FLAGS': 'cli.help.heading.global-flags',
  EXAMPLES: 'cli.help.heading.examples',
  COMMANDS: 'cli.help.heading.commands',
  TOPICS: 'cli.help.heading.topics',
  'FLAG DESCRIPTIONS': 'cli.help.heading.flag-descriptions',
  ALIASES: 'cli.help.heading.aliases',
};

function heading(header: string): string {
  const id = HEADINGS[header];
  return (id && catalogueText(id)) ?? header;
}

/** oclif's notes in a flag's or an argument's description, in the current language. */
function localizeNotes(text: string | undefined): string | undefined {
  return text
    ?.replace(/\[default: ([^\]]*)\]/g, (_, value: string) => `[${t('cli.help.default', { value })}]`)
    .replace(/<options: ([^>]*)>/g, (_, values: string) => `<${t('cli.help.options', { values })}>`)
    .replace(/^\(required\)/, `(${t('cli.help.required')})`);
}

/** oclif's placeholder for a flag's value, `<value>`, in the current language. */
function localizePlaceholder(text: string): string {
  return text.replaceAll('<value>', `<${t('cli.help.value')}>`);
}

/** A copy of a command with its texts in the current language. */
export function localizedCommand(command: Command.Loadable): Command.Loadable {
  const id = command.id;
  const flags = Object.fromEntries(Object.entries(command.flags ?? {}).map(([name, flag]) => [name, { ...flag, description: commandText(id, `flag.${name}`, flag.description) }]));
  const args = Object.fromEntries(Object.entries(command.args ?? {}).map(([name, arg]) => [name, { ...arg, description: commandText(id, `arg.${name}`, arg.description) }]));
  const examples = command.examples?.map((example, i) => (typeof example === 'string' ? example : { ...example, description: commandText(id, `example.${i}`, example.description) ?? example.description }));
  const summary = commandText(id, 'summary', command.summary);
  // A plugin's command may have a description and no summary: with a summary from the catalogue, its English description would follow it.
  const description = commandText(id, 'description', command.summary === undefined && summary !== undefined ? undefined : command.description);
  return { ...command, flags, args, summary, description, ...(examples ? { examples } : {}) } as Command.Loadable;
}

class LogiCommandHelp extends CommandHelp {
  override section(header: string, body: Parameters<CommandHelp['section']>[1]): string {
    return super.section(heading(header), body);
  }

  protected override flagHelpLabel(flag: Command.Flag.Any, showOptions?: boolean): string {
    return localizePlaceholder(super.flagHelpLabel(flag, showOptions));
  }

  protected override usage(): string {
    return localizePlaceholder(super.usage());
  }

  protected override flags(flags: Command.Flag.Any[]): [string, string | undefined][] | undefined {
    return super.flags(flags)?.map(([label, text]) => [label, localizeNotes(text)]);
  }

  protected override args(args: Command.Arg.Any[]): [string, string | undefined][] | undefined {
    return super.args(args)?.map(([label, text]) => [label, localizeNotes(text)]);
  }
}

export default class LogiHelp extends Help {
  protected override CommandHelpClass = LogiCommandHelp;

  override section(header: string, body: Parameters<Help['section']>[1]): string {
    return super.section(heading(header), body);
  }

  /** `logi help simulat` is an unknown command, as `logi simulat` is: the same error, exit 2. */
  override async showHelp(rawArgv: string[]): Promise<void> {
    // `--lang en` was read by src/hooks/init.ts; oclif would take its value for the subject of the help.
    const argv = [...rawArgv];
    removeLanguageArgument(argv);
    const subject = argv.find((arg) => arg !== 'help' && !arg.startsWith('-'));
    const first = argv.find((arg) => arg !== 'help' && arg !== '-h' && arg !== '--help');
    if (subject !== undefined && first === subject && !this.config.findCommand(subject) && !this.config.findTopic(subject)) {
      const { message, hint } = unknownCommand(subject, this.config.commands);
      process.stderr.write(errorText(message, hint));
      process.exit(2);
    }
    await super.showHelp(argv);
  }

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    await super.showCommandHelp(localizedCommand(command));
  }

  protected override formatCommands(commands: Command.Loadable[]): string {
    return super.formatCommands(commands.map(localizedCommand));
  }

  /** A topic (`export`, `import`) with its description from the catalogue: `cli.topic.<name>`. */
  private localizedTopic(topic: Interfaces.Topic): Interfaces.Topic {
    return { ...topic, description: catalogueText(`cli.topic.${topic.name.replaceAll(':', '.')}`) ?? topic.description };
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    return super.formatTopics(topics.map((topic) => this.localizedTopic(topic)));
  }

  protected override formatTopic(topic: Interfaces.Topic): string {
    return super.formatTopic(this.localizedTopic(topic));
  }

  /** The top of `logi --help`: what logi is, its version, how to call it, the language and the exit codes. */
  override formatRoot(): string {
    const sections = [
      t('cli.help.root.summary'),
      this.section('VERSION', this.wrap(this.config.userAgent)),
      this.section('USAGE', this.wrap(`$ ${this.config.bin} ${t('cli.help.root.usage')}`)),
      this.section('DESCRIPTION', this.wrap(t('cli.help.root.description'))),
    ];
    return sections.join('\n\n');
  }
}

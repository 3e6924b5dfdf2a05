import { Args, Flags } from '@oclif/core';
import { LogiCommand } from '../cli/base.js';
import { t, translate } from '../i18n/catalogue.js';
import { onInterrupt } from '../io/cleanup.js';
import { BrowserNotFoundError, findBrowser, type FoundBrowser } from '../render/browser.js';
import { isLoopbackHost, PreviewStartError, type RunningPreview, startPreview } from '../preview/preview.js';
import { escapeTerminal } from '../text/escape.js';

export default class Preview extends LogiCommand {
  static override summary = translate('en', 'cli.command.preview.summary');
  static override description = translate('en', 'cli.command.preview.description');
  static override examples = [
    { description: translate('en', 'cli.command.preview.example.0'), command: '<%= config.bin %> <%= command.id %>' },
    { description: translate('en', 'cli.command.preview.example.1'), command: '<%= config.bin %> <%= command.id %> guidelines/diabete-t2' },
    { description: translate('en', 'cli.command.preview.example.2'), command: '<%= config.bin %> <%= command.id %> --port 8080 --lang en' },
    { description: translate('en', 'cli.command.preview.example.3'), command: '<%= config.bin %> <%= command.id %> --json' },
    { description: translate('en', 'cli.command.preview.example.4'), command: '<%= config.bin %> <%= command.id %> --host 0.0.0.0 --allow-remote' },
  ];
  static override args = { path: Args.string({ description: translate('en', 'cli.command.preview.arg.path'), required: false, ignoreStdin: true }) };
  static override flags = {
    port: Flags.integer({ char: 'p', description: translate('en', 'cli.command.preview.flag.port'), min: 0, max: 65_535, default: 0 }),
    host: Flags.string({ description: translate('en', 'cli.command.preview.flag.host'), default: '127.0.0.1' }),
    'allow-remote': Flags.boolean({ description: translate('en', 'cli.command.preview.flag.allow-remote'), default: false }),
    browser: Flags.string({ description: translate('en', 'cli.command.preview.flag.browser') }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Preview);
    if (!isLoopbackHost(flags.host) && !flags['allow-remote']) this.fail(t('preview.remote-refused', { host: flags.host }), t('preview.remote-refused.hint'));
    let browser: FoundBrowser;
    try {
      browser = findBrowser(flags.browser === undefined ? {} : { flag: flags.browser });
    } catch (error) {
      if (error instanceof BrowserNotFoundError) this.fail(error.message, error.hint);
      throw error;
    }
    if (!this.jsonEnabled()) this.note(t('preview.starting'));
    const preview = await this.start(args.path === undefined ? [] : [args.path], flags, browser);
    // Ctrl-C or SIGTERM: everything is closed, then logi exits as every command does on a signal (src/io/cleanup.ts).
    onInterrupt(() => preview.close());
    if (this.jsonEnabled()) process.stdout.write(`${JSON.stringify({ url: preview.url })}\n`);
    else this.logInert(t('preview.listening', { url: preview.url }));
    if (!isLoopbackHost(flags.host)) this.note(t('preview.remote-warning', { url: preview.url }));
    // The server keeps the process alive until a signal ends it.
    await new Promise<never>(() => undefined);
  }

  private async start(paths: string[], flags: { port: number; host: string; 'allow-remote': boolean }, browser: FoundBrowser): Promise<RunningPreview> {
    try {
      return await startPreview({
        paths,
        cwd: process.cwd(),
        host: flags.host,
        port: flags.port,
        allowRemote: flags['allow-remote'],
        browser,
        generator: `${this.config.name} ${this.config.version}`,
        onWarning: (text) => this.note(text),
        onBuilt: (report) => {
          const time = new Date().toTimeString().slice(0, 8);
          if (!this.jsonEnabled()) this.note(t('preview.rebuilt', { time, ...report }));
        },
      });
    } catch (error) {
      if (error instanceof PreviewStartError) this.fail(error.message, error.hint);
      throw error;
    }
  }

  /** A line for the person at the terminal, on stderr: stdout is the URL (or its JSON). */
  private note(text: string): void {
    process.stderr.write(`logi: ${escapeTerminal(text, { keep: '' })}\n`);
  }
}

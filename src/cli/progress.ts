/** A progress bar with ETA on stderr, drawn only when stderr is a terminal, in the user's language. */
import { t } from '../i18n/catalogue.js';
import { currentLanguage } from '../i18n/language.js';
import { formatTenths } from '../i18n/numbers.js';

export class ProgressBar {
  private lastDraw = 0;
  private readonly enabled: boolean;

  private label = '';
  private phaseStarted = Date.now();

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = stream.isTTY === true && !process.env.CI;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  /** `label` names the phase (in the user's language); a new label restarts the ETA. */
  update(done: number, total: number, label = t('cli.progress.working')): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (label !== this.label) {
      this.label = label;
      this.phaseStarted = now;
    }
    if (done < total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const fraction = total === 0 ? 1 : done / total;
    const filled = Math.round(width * fraction);
    const elapsed = (now - this.phaseStarted) / 1000;
    const eta = done > 0 ? (elapsed * (total - done)) / done : 0;
    const lang = currentLanguage();
    const bar = `${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${t('cli.progress.percent', { percent: Math.round(fraction * 100) })} · ${formatTenths(elapsed, lang)} s`;
    const text = done < total && done > 0 ? `${bar} · ${t('cli.progress.eta', { seconds: formatTenths(eta, lang) })}` : bar;
    this.stream.write(`\r\u001b[2K${text}`);
  }

  done(): void {
    if (this.enabled) this.stream.write('\r\u001b[2K');
  }
}

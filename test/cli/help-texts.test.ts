/**
 * Every text of every command's help is in the catalogue in French and English
 * (`cli.command.<id>.…`, src/cli/texts.ts), and the catalogue's English is the command's static
 * text — for logi's commands by construction, for oclif's plugins (help, autocomplete) and the
 * commands whose files other parts own, a check that the two have not drifted apart.
 */
import { describe, expect, it } from 'vitest';
import { configWithoutManifest } from '../../src/cli/startup.js';
import { commandTextId } from '../../src/cli/texts.js';
import { CATALOGUE } from '../../src/i18n/catalogue.js';
import { REPO } from '../helpers/cli.js';

/** Commands whose help is still English only: their texts belong to another area of the catalogue, not yet written. */
const NOT_YET_BILINGUAL = new Set<string>([]);

interface Text {
  id: string;
  english: string;
}

/** The texts of one command's help, with the catalogue id each one has. */
function helpTexts(command: { id: string; summary?: string; description?: string; examples?: unknown[]; flags: Record<string, { description?: string; hidden?: boolean }>; args: Record<string, { description?: string; hidden?: boolean }> }): Text[] {
  const texts: Text[] = [];
  const add = (part: string, english: string | undefined) => english !== undefined && texts.push({ id: commandTextId(command.id, part), english });
  // A plugin's command may have a description and no summary: its description is the summary.
  add('summary', command.summary ?? command.description);
  if (command.summary !== undefined) add('description', command.description);
  (command.examples ?? []).forEach((example, i) => typeof example === 'object' && add(`example.${i}`, (example as { description: string }).description));
  for (const [name, flag] of Object.entries(command.flags)) if (!flag.hidden) texts.push({ id: CATALOGUE.has(`cli.flag.${name}`) ? `cli.flag.${name}` : commandTextId(command.id, `flag.${name}`), english: flag.description ?? '' });
  for (const [name, arg] of Object.entries(command.args)) if (!arg.hidden) add(`arg.${name}`, arg.description);
  return texts;
}

describe('the help texts of every command', async () => {
  const config = await configWithoutManifest(REPO);
  const commands = config.commands.filter((c) => !c.hidden);

  it('finds logi\'s commands and oclif\'s plugins', () => {
    expect(commands.map((c) => c.id).sort()).toEqual(['archive', 'autocomplete', 'calibrate', 'export:fhir', 'help', 'import:fhir', 'init', 'lint', 'preview', 'render', 'report', 'rules', 'schema', 'sensitivity', 'simulate', 'stratify', 'sweep', 'synth', 'test', 'verify', 'version']);
  });

  it.each(commands.filter((c) => !NOT_YET_BILINGUAL.has(c.id)).map((c) => [c.id, c] as const))('%s: each text has its French, and the catalogue\'s English is the static text', (_id, command) => {
    for (const text of helpTexts(command)) {
      const entry = CATALOGUE.get(text.id);
      expect(entry, `${text.id} is missing from the catalogue`).toBeDefined();
      expect(entry!.en, text.id).toBe(text.english);
      expect(typeof entry!.fr === 'string' && entry!.fr !== entry!.en, `${text.id} has no French of its own`).toBe(true);
    }
  });

  it.each([...NOT_YET_BILINGUAL])('%s is still waiting for its French (remove it from NOT_YET_BILINGUAL once its texts are in the catalogue)', (id) => {
    expect(CATALOGUE.has(commandTextId(id, 'summary'))).toBe(false);
  });
});

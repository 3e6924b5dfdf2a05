/**
 * Messages of the language area (ids start with `language.`): reading files, YAML syntax, the
 * schema of each document kind, references between documents, suggestions. See
 * src/i18n/catalogue.ts. User text (ids, keys, values) arrives as a parameter and is quoted as
 * written; YAML keys and values of the language (`next`, `per: year`) are code and stay as they are.
 */
import { defineMessages } from '../define.js';

/** `a`, `b` or `c` (the words quoted), for "did you mean" and lists of choices. */
function orList(items: Iterable<string>, or: string): string {
  const quoted = [...items].map((item) => `\`${item}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${or} ${quoted[quoted.length - 1]!}`;
}

/** `a`, `b`, `c` (quoted), with how many there are in all when the list is cut. */
function shownList(shown: Iterable<string>, more: number, inAll: string): string {
  const list = [...shown].map((item) => `\`${item}\``).join(', ');
  return more > 0 ? `${list}, … (${more} ${inAll})` : list;
}

const files = defineMessages({
  'language.file.not-found': { en: (p: { file: string }) => `no such file: ${p.file}`, fr: (p: { file: string }) => `fichier introuvable : ${p.file}` },
  'language.file.not-found.hint': {
    en: 'check the path, or run `logi lint` without arguments in the workspace',
    fr: "vérifiez le chemin, ou lancez `logi lint` sans argument dans l'espace de travail",
  },
  'language.file.cannot-read': {
    en: (p: { file: string; code: string }) => `cannot read ${p.file} (${p.code})`,
    fr: (p: { file: string; code: string }) => `impossible de lire ${p.file} (${p.code})`,
  },
  'language.file.cannot-read-unknown': {
    en: (p: { file: string }) => `cannot read ${p.file} (unknown error)`,
    fr: (p: { file: string }) => `impossible de lire ${p.file} (erreur inconnue)`,
  },
  'language.file.permissions.hint': { en: 'check the file permissions', fr: "vérifiez les droits d'accès au fichier" },
  'language.file.directory': {
    en: (p: { file: string }) => `${p.file} is a directory, not a YAML file`,
    fr: (p: { file: string }) => `${p.file} est un dossier, pas un fichier YAML`,
  },
  'language.file.directory.hint': {
    en: 'rename the directory so that its name does not end in .yaml or .yml',
    fr: 'renommez le dossier pour que son nom ne finisse pas par .yaml ou .yml',
  },
  'language.file.not-regular': {
    en: (p: { file: string }) => `${p.file} is not a regular file`,
    fr: (p: { file: string }) => `${p.file} n'est pas un fichier ordinaire`,
  },
  'language.file.not-regular.hint': { en: 'logi reads regular .yaml files only', fr: 'logi ne lit que des fichiers .yaml ordinaires' },
  'language.file.too-large': {
    // `mb` is written in the language's number format (src/i18n/numbers.ts): 6.0 or 6,0.
    en: (p: { file: string; mb: string }) => `${p.file} is ${p.mb} MB; logi refuses files over 5 MB`,
    fr: (p: { file: string; mb: string }) => `${p.file} pèse ${p.mb} Mo ; logi refuse les fichiers de plus de 5 Mo`,
  },
  'language.file.too-large.hint': {
    en: 'split the content into several documents, one logigramme per file',
    fr: 'répartissez le contenu en plusieurs documents, un logigramme par fichier',
  },
  'language.file.not-utf8': {
    en: (p: { file: string; byte: string; offset: number }) => `${p.file} is not valid UTF-8 (byte 0x${p.byte} at offset ${p.offset})`,
    fr: (p: { file: string; byte: string; offset: number }) => `${p.file} n'est pas en UTF-8 valide (octet 0x${p.byte} à la position ${p.offset})`,
  },
  'language.file.not-utf8.hint': {
    en: 'save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); accents must be UTF-8',
    fr: 'enregistrez le fichier en UTF-8 (par exemple `iconv -f latin1 -t utf-8`) : les accents doivent être en UTF-8',
  },
  'language.file.empty': { en: 'the file is empty', fr: 'le fichier est vide' },
  'language.file.empty.hint': {
    en: 'write a document starting with `kind:`, `version: 1` and `id:`, or delete the file',
    fr: 'écrivez un document qui commence par `kind:`, `version: 1` et `id:`, ou supprimez le fichier',
  },
  'language.path.not-found': {
    en: (p: { path: string }) => `no such file or folder: ${p.path}`,
    fr: (p: { path: string }) => `fichier ou dossier introuvable : ${p.path}`,
  },
  'language.path.not-found.hint': {
    en: 'check the path; run `logi lint` with no argument to lint the whole workspace',
    fr: "vérifiez le chemin ; lancez `logi lint` sans argument pour vérifier tout l'espace de travail",
  },
  'language.path.not-yaml': {
    en: (p: { path: string }) => `${p.path} is not a YAML file: logi reads .yaml and .yml files`,
    fr: (p: { path: string }) => `${p.path} n'est pas un fichier YAML : logi lit les fichiers .yaml et .yml`,
  },
  'language.path.json.hint': {
    en: 'JSON is valid YAML: rename the file to .yaml to check it',
    fr: 'le JSON est du YAML valide : renommez le fichier en .yaml pour le vérifier',
  },
  'language.path.not-yaml.hint': { en: 'give a .yaml file or a folder', fr: 'donnez un fichier .yaml ou un dossier' },
});

const syntax = defineMessages({
  'language.syntax.tab': { en: 'indentation with a tab: use spaces', fr: 'indentation avec une tabulation : utilisez des espaces' },
  'language.syntax.tab.hint': {
    en: 'YAML indents with spaces only: replace the tab with spaces (and set your editor to insert spaces for the Tab key)',
    fr: "YAML n'indente qu'avec des espaces : remplacez la tabulation par des espaces (et réglez votre éditeur pour que la touche Tab insère des espaces)",
  },
  'language.syntax.bad-indent': {
    en: 'this line is not aligned with the keys around it',
    fr: "cette ligne n'est pas alignée sur les clés qui l'entourent",
  },
  'language.syntax.bad-indent.hint': {
    en: 'align the key with its siblings (spaces only)',
    fr: 'alignez la clé sur celles du même niveau (avec des espaces)',
  },
  'language.syntax.over-indented': {
    en: 'this line is indented deeper than the key above it, which already has a value',
    fr: 'cette ligne est plus indentée que la clé au-dessus, qui a déjà une valeur',
  },
  'language.syntax.unclosed-quote': {
    en: (p: { quote: string }) => `this quote ${p.quote} is never closed`,
    fr: (p: { quote: string }) => `ce guillemet ${p.quote} n'est jamais fermé`,
  },
  'language.syntax.unclosed-quote.hint': {
    en: (p: { quote: string }) => `add the closing ${p.quote} at the end of the text`,
    fr: (p: { quote: string }) => `ajoutez le ${p.quote} fermant à la fin du texte`,
  },
  'language.syntax.unclosed-bracket': { en: 'this bracket [ is never closed', fr: "ce crochet [ n'est jamais fermé" },
  'language.syntax.unclosed-bracket.hint': { en: 'add the closing ] after the last item', fr: 'ajoutez le ] fermant après le dernier élément' },
  'language.syntax.unclosed-brace': { en: 'this brace { is never closed', fr: "cette accolade { n'est jamais fermée" },
  'language.syntax.unclosed-brace.hint': { en: 'add the closing } after the last key', fr: "ajoutez l'accolade } fermante après la dernière clé" },
  'language.syntax.missing-char': {
    en: 'a closing quote, bracket or brace is missing',
    fr: 'il manque un guillemet, un crochet ou une accolade fermante',
  },
  'language.syntax.missing-char.hint': {
    en: 'close every quote, [ and { that this line opens',
    fr: 'fermez chaque guillemet, [ et { ouvert sur cette ligne',
  },
  'language.syntax.duplicate-key': {
    en: (p: { key: string }) => `the key \`${p.key}\` is written twice here`,
    fr: (p: { key: string }) => `la clé \`${p.key}\` est écrite deux fois ici`,
  },
  'language.syntax.duplicate-key.hint': {
    en: (p: { line: number }) => `each key may appear once per mapping: remove or rename one of them (the first is on line ${p.line})`,
    fr: (p: { line: number }) => `une clé ne peut apparaître qu'une fois au même niveau : supprimez ou renommez l'une des deux (la première est ligne ${p.line})`,
  },
  'language.syntax.colon-space': { en: 'a `:` after a key needs a space after it', fr: "un `:` après une clé doit être suivi d'une espace" },
  'language.syntax.write-key-value': {
    en: (p: { key: string; value: string }) => `write \`${p.key}: ${p.value}\``,
    fr: (p: { key: string; value: string }) => `écrivez \`${p.key}: ${p.value}\``,
  },
  'language.syntax.missing-colon': {
    en: (p: { key: string }) => `\`${p.key}\` has no \`:\`: a line of a mapping is \`key: value\``,
    fr: (p: { key: string }) => `\`${p.key}\` n'a pas de \`:\` : une ligne d'une table s'écrit \`clé: valeur\``,
  },
  'language.syntax.missing-colon.hint': {
    en: (p: { key: string }) => `write \`${p.key}: \` followed by its value`,
    fr: (p: { key: string }) => `écrivez \`${p.key}: \` suivi de sa valeur`,
  },
  'language.syntax.colon-in-value': {
    en: 'a value holding `: ` must be quoted',
    fr: 'une valeur qui contient `: ` doit être entre guillemets',
  },
  'language.syntax.colon-in-value.hint': {
    en: 'put the value in double quotes: `label: "Glycémie : contrôle"`',
    fr: 'mettez la valeur entre guillemets doubles : `label: "Glycémie : contrôle"`',
  },
  'language.syntax.multiline-key': {
    en: 'a key must fit on one line: is a `:` or a closing quote missing?',
    fr: 'une clé tient sur une seule ligne : manque-t-il un `:` ou un guillemet fermant ?',
  },
  'language.syntax.multiline-key.hint': {
    en: 'check this line and the one above it (indentation, `:`, quotes)',
    fr: 'vérifiez cette ligne et celle du dessus (indentation, `:`, guillemets)',
  },
  'language.syntax.bad-escape': {
    en: 'a backslash \\ in double quotes starts an escape that YAML does not know',
    fr: "une barre oblique inverse \\ entre guillemets doubles commence un échappement que YAML ne connaît pas",
  },
  'language.syntax.bad-escape.hint': {
    en: "write \\\\ for a backslash, or put the text in single quotes ('…')",
    fr: "écrivez \\\\ pour une barre oblique inverse, ou mettez le texte entre apostrophes ('…')",
  },
  'language.syntax.bad-scalar-start': {
    en: 'a value cannot start with this character unless it is quoted',
    fr: 'une valeur ne peut pas commencer par ce caractère sans guillemets',
  },
  'language.syntax.bad-scalar-start.hint': {
    en: 'quote values that start with special characters such as @ ` % or |',
    fr: 'mettez entre guillemets les valeurs qui commencent par un caractère spécial comme @ ` % ou |',
  },
  'language.syntax.block-in-flow': {
    en: 'a `- item` list or an indented key cannot stand inside [ ] or { }',
    fr: 'une liste `- élément` ou une clé indentée ne peut pas se trouver entre [ ] ou { }',
  },
  'language.syntax.block-in-flow.hint': {
    en: 'write the items inside the brackets separated by commas, or drop the brackets and write one `- item` per line',
    fr: 'écrivez les éléments entre crochets séparés par des virgules, ou retirez les crochets et écrivez un `- élément` par ligne',
  },
  'language.syntax.long-key': { en: 'a key is longer than 1024 characters', fr: 'une clé dépasse 1024 caractères' },
  'language.syntax.long-key.hint': {
    en: 'keys are short names; is a `:` missing at the end of a long text?',
    fr: "les clés sont des noms courts ; manque-t-il un `:` à la fin d'un long texte ?",
  },
  'language.syntax.generic': { en: 'the YAML syntax is broken here', fr: 'la syntaxe YAML est incorrecte ici' },
  'language.syntax.generic.hint': {
    en: 'check the punctuation on this line (quotes, colons, brackets)',
    fr: 'vérifiez la ponctuation de cette ligne (guillemets, deux-points, crochets)',
  },
  'language.syntax.too-large': {
    en: 'this part of the file is too deeply nested or too large to read',
    fr: 'cette partie du fichier est trop imbriquée ou trop grande pour être lue',
  },
  'language.syntax.too-deep': {
    en: (p: { max: number }) => `nested more than ${p.max} levels deep: logi reads no further in this file`,
    fr: (p: { max: number }) => `plus de ${p.max} niveaux d'imbrication : logi ne lit pas plus loin dans ce fichier`,
  },
  'language.syntax.too-deep.hint': {
    en: 'a document needs only a few levels of mappings and lists: look for a run of unclosed brackets or ever-deeper indentation',
    fr: "un document n'a besoin que de quelques niveaux de tables et de listes : cherchez une suite de crochets non fermés ou une indentation toujours plus profonde",
  },
  'language.syntax.alias-bomb': {
    en: (p: { max: number }) => `too many alias expansions (more than ${p.max}): refused to protect against exponential growth`,
    fr: (p: { max: number }) => `trop d'expansions d'alias (plus de ${p.max}) : refusé pour éviter une croissance exponentielle`,
  },
  'language.syntax.alias-bomb.hint': {
    en: 'write the repeated content out, or use fewer nested aliases',
    fr: "écrivez le contenu répété en entier, ou utilisez moins d'alias imbriqués",
  },
  'language.syntax.unreadable-document': { en: 'cannot read this document', fr: 'impossible de lire ce document' },
  'language.syntax.bad-alias': {
    en: (p: { name: string }) => `the alias \`*${p.name}\` names no anchor \`&${p.name}\` set before it`,
    fr: (p: { name: string }) => `l'alias \`*${p.name}\` ne renvoie à aucune ancre \`&${p.name}\` définie avant lui`,
  },
  'language.syntax.bad-alias.hint': {
    en: 'an alias (*name) must refer to an anchor (&name) defined earlier',
    fr: 'un alias (*nom) renvoie à une ancre (&nom) définie plus haut',
  },
  'language.syntax.self-alias': {
    en: (p: { name: string }) => `the alias \`*${p.name}\` is inside the value it names (\`&${p.name}\`): a value cannot contain itself`,
    fr: (p: { name: string }) => `l'alias \`*${p.name}\` est à l'intérieur de la valeur qu'il désigne (\`&${p.name}\`) : une valeur ne peut pas se contenir elle-même`,
  },
  'language.syntax.self-alias.hint': {
    en: 'an alias cannot stand inside the value it names: write the value out, or anchor a smaller value',
    fr: "un alias ne peut pas se trouver dans la valeur qu'il désigne : écrivez la valeur en entier, ou ancrez une valeur plus petite",
  },
  'language.syntax.collection-key': {
    en: 'a key must be a text or a number, not a list or a mapping',
    fr: 'une clé est un texte ou un nombre, pas une liste ni une table',
  },
  'language.syntax.alias-key': {
    en: 'a key must be written out, not an alias (*name)',
    fr: "une clé doit être écrite en entier, pas sous forme d'alias (*nom)",
  },
  'language.syntax.collection-key.hint': {
    en: 'write each key as plain text (`name: value`); `?` keys holding lists or mappings are not used in logi files',
    fr: 'écrivez chaque clé comme un simple texte (`nom: valeur`) ; les clés `?` contenant des listes ou des tables ne servent pas dans les fichiers logi',
  },
});

/** Values in words, for "expected a number, got the text `abc`". */
const values = defineMessages({
  'language.value.null': { en: 'null (an empty value)', fr: 'une valeur vide' },
  'language.value.nothing': { en: 'nothing', fr: 'rien' },
  'language.value.list': { en: 'a list', fr: 'une liste' },
  'language.value.mapping': { en: 'a mapping', fr: 'une table de clés' },
  'language.value.text': { en: (p: { text: string }) => `the text \`${p.text}\``, fr: (p: { text: string }) => `le texte \`${p.text}\`` },
  'language.value.number': { en: (p: { number: string }) => `the number ${p.number}`, fr: (p: { number: string }) => `le nombre ${p.number}` },
  'language.type.mapping': { en: 'a mapping', fr: 'une table de clés (`clé: valeur`)' },
  'language.type.list': { en: 'a list', fr: 'une liste' },
  'language.type.whole-number': { en: 'a whole number', fr: 'un nombre entier' },
  'language.type.number': { en: 'a number', fr: 'un nombre' },
  'language.type.text': { en: 'a text', fr: 'un texte' },
  'language.type.boolean': { en: 'true or false', fr: 'true ou false' },
  'language.schema.or': { en: ' or ', fr: ' ou ' },
});

const schema = defineMessages({
  'language.schema.empty-document': { en: 'the document is empty', fr: 'le document est vide' },
  'language.schema.empty-document.hint': {
    en: 'start with `kind:`, `version: 1` and `id:`; `logi init` writes examples',
    fr: 'commencez par `kind:`, `version: 1` et `id:` ; `logi init` écrit des exemples',
  },
  'language.schema.not-a-mapping': {
    en: (p: { value: string }) => `a document is a mapping of keys, not ${p.value}`,
    fr: (p: { value: string }) => `un document est une table de clés, pas ${p.value}`,
  },
  'language.schema.start.hint': { en: 'start with `kind:`, `version: 1` and `id:`', fr: 'commencez par `kind:`, `version: 1` et `id:`' },
  'language.schema.missing-kind.hint': {
    en: (p: { kinds: string[] }) => `add \`kind:\` with one of ${[...p.kinds].join(', ')}`,
    fr: (p: { kinds: string[] }) => `ajoutez \`kind:\` avec l'une des valeurs ${[...p.kinds].join(', ')}`,
  },
  'language.schema.unknown-kind': {
    en: (p: { kind: string }) => `unknown kind \`${p.kind}\``,
    fr: (p: { kind: string }) => `type de document \`${p.kind}\` inconnu`,
  },
  'language.schema.kinds': {
    en: (p: { kinds: string[] }) => `the kinds are ${[...p.kinds].join(', ')}`,
    fr: (p: { kinds: string[] }) => `les types de documents (kind) sont ${[...p.kinds].join(', ')}`,
  },
  'language.schema.missing-key': {
    en: (p: { key: string }) => `missing required key \`${p.key}\``,
    fr: (p: { key: string }) => `clé obligatoire manquante : \`${p.key}\``,
  },
  'language.schema.missing-key.hint': {
    en: (p: { key: string; type: string }) => `add \`${p.key}:\` (${p.type})`,
    fr: (p: { key: string; type: string }) => `ajoutez \`${p.key}:\` (${p.type})`,
  },
  'language.schema.missing-key.add': { en: (p: { key: string }) => `add \`${p.key}:\``, fr: (p: { key: string }) => `ajoutez \`${p.key}:\`` },
  'language.schema.missing-key.value': {
    en: (p: { key: string; value: string }) => `add \`${p.key}: ${p.value}\``,
    fr: (p: { key: string; value: string }) => `ajoutez \`${p.key}: ${p.value}\``,
  },
  'language.schema.missing-key.one-of': {
    en: (p: { key: string; values: string[] }) => `add \`${p.key}:\` with one of ${[...p.values].join(', ')}`,
    fr: (p: { key: string; values: string[] }) => `ajoutez \`${p.key}:\` avec l'une des valeurs ${[...p.values].join(', ')}`,
  },
  'language.schema.one-of': {
    en: (p: { values: string[] }) => `one of ${[...p.values].map((v) => `\`${v}\``).join(', ')}`,
    fr: (p: { values: string[] }) => `l'une des valeurs ${[...p.values].map((v) => `\`${v}\``).join(', ')}`,
  },
  'language.schema.missing-item': { en: (p: { n: number }) => `missing item ${p.n}`, fr: (p: { n: number }) => `élément ${p.n} manquant` },
  'language.schema.no-value': {
    en: (p: { key: string }) => `\`${p.key}\` has no value`,
    fr: (p: { key: string }) => `\`${p.key}\` n'a pas de valeur`,
  },
  'language.schema.no-value.hint': {
    en: (p: { key: string; type: string }) => `write its value after \`${p.key}:\` (${p.type}), or remove the line`,
    fr: (p: { key: string; type: string }) => `écrivez sa valeur après \`${p.key}:\` (${p.type}), ou supprimez la ligne`,
  },
  'language.schema.wrong-type': {
    en: (p: { expected: string; got: string }) => `expected ${p.expected}, got ${p.got}`,
    fr: (p: { expected: string; got: string }) => `il faut ici ${p.expected}, pas ${p.got}`,
  },
  'language.schema.unknown-key': { en: (p: { key: string }) => `unknown key \`${p.key}\``, fr: (p: { key: string }) => `clé \`${p.key}\` inconnue` },
  'language.schema.unknown-distribution': {
    en: (p: { name: string }) => `unknown distribution \`${p.name}\``,
    fr: (p: { name: string }) => `loi de probabilité \`${p.name}\` inconnue`,
  },
  'language.schema.allowed-keys': {
    en: (p: { keys: string[] }) => `allowed keys: ${[...p.keys].join(', ')}`,
    fr: (p: { keys: string[] }) => `clés permises : ${[...p.keys].join(', ')}`,
  },
  'language.schema.allowed-keys-here': {
    en: (p: { keys: string[] }) => `allowed keys here: ${[...p.keys].join(', ')}`,
    fr: (p: { keys: string[] }) => `clés permises ici : ${[...p.keys].join(', ')}`,
  },
  'language.schema.remove-key': { en: 'remove this key', fr: 'supprimez cette clé' },
  'language.schema.distribution.hint': {
    en: 'write a number, or a distribution: {beta: {mean, sd}}, {lognormal: {mean, ci95: [lo, hi]}}, {gamma: {mean, sd}}, {normal: {mean, sd}}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}',
    fr: 'écrivez un nombre, ou une loi de probabilité : {beta: {mean, sd}}, {lognormal: {mean, ci95: [lo, hi]}}, {gamma: {mean, sd}}, {normal: {mean, sd}}, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}',
  },
  'language.schema.number-as-text.hint': {
    en: 'write the number without quotes, with a decimal point (0.5, not 0,5) and no % sign',
    fr: 'écrivez le nombre sans guillemets, avec un point décimal (0.5, pas 0,5) et sans signe %',
  },
  'language.schema.grouped-digits.hint': {
    en: (p: { number: string }) => `write the number without spaces between its digits: \`${p.number}\``,
    fr: (p: { number: string }) => `écrivez le nombre sans espace entre les chiffres : \`${p.number}\``,
  },
  'language.schema.list.hint': {
    en: 'write a list, e.g. `[a, b]` or one `- item` per line',
    fr: 'écrivez une liste, par exemple `[a, b]` ou un `- élément` par ligne',
  },
  'language.schema.mapping.hint': {
    en: 'write a mapping of `key: value` lines, indented under this key',
    fr: 'écrivez des lignes `clé: valeur`, indentées sous cette clé',
  },
  'language.schema.quote-text.hint': { en: 'quote the value if it is meant as text', fr: "mettez la valeur entre guillemets si c'est un texte" },
  'language.schema.not-allowed': {
    en: (p: { value: string; allowed: string[] }) => `${p.value} is not allowed here; expected ${[...p.allowed].map((v) => `\`${v}\``).join(', ')}`,
    fr: (p: { value: string; allowed: string[] }) => `${p.value} n'est pas permis ici ; valeurs possibles : ${[...p.allowed].map((v) => `\`${v}\``).join(', ')}`,
  },
  'language.schema.unknown-node-type': {
    en: (p: { type: string }) => `unknown node type \`${p.type}\``,
    fr: (p: { type: string }) => `type de nœud \`${p.type}\` inconnu`,
  },
  'language.schema.unknown-node-type.suggest': {
    en: (p: { type: string; options: string[] }) => `unknown node type \`${p.type}\`: did you mean ${orList(p.options, 'or')}?`,
    fr: (p: { type: string; options: string[] }) => `type de nœud \`${p.type}\` inconnu : vouliez-vous dire ${orList(p.options, 'ou')} ?`,
  },
  'language.schema.node-types': {
    en: (p: { types: string[] }) => `the node types are ${[...p.types].map((v) => `\`${v}\``).join(', ')}`,
    fr: (p: { types: string[] }) => `les types de nœud sont ${[...p.types].map((v) => `\`${v}\``).join(', ')}`,
  },
  'language.schema.unknown-value': {
    en: (p: { key: string; value: string }) => `unknown ${p.key} \`${p.value}\``,
    fr: (p: { key: string; value: string }) => `valeur \`${p.value}\` inconnue pour \`${p.key}\``,
  },
  'language.schema.too-few-items': {
    en: (p: { min: string }) => `needs at least ${p.min} item(s)`,
    fr: (p: { min: string }) => `il faut au moins ${p.min} élément(s)`,
  },
  'language.schema.too-many-items': {
    en: (p: { max: string }) => `has more than ${p.max} items`,
    fr: (p: { max: string }) => `a plus de ${p.max} éléments`,
  },
  'language.schema.empty-text': { en: 'must not be empty', fr: 'ne doit pas être vide' },
  'language.schema.orcid': { en: 'is not an ORCID iD: four groups of four digits, e.g. 0000-0002-1825-0097 (the last may be X)', fr: "n'est pas un identifiant ORCID : quatre groupes de quatre chiffres, par exemple 0000-0002-1825-0097 (le dernier peut être X)" },
  'language.schema.text-too-long': {
    en: (p: { max: string }) => `is longer than ${p.max} characters`,
    fr: (p: { max: string }) => `dépasse ${p.max} caractères`,
  },
  'language.schema.out-of-range': {
    en: (p: { op: string; bound: string; value: string }) => `must be ${p.op} ${p.bound}, got ${p.value}`,
    fr: (p: { op: string; bound: string; value: string }) => `doit être ${p.op} ${p.bound}, et non ${p.value}`,
  },
  'language.schema.invalid-id': {
    en: (p: { id: string }) => `\`${p.id}\` is not a valid id: an id uses unaccented letters, digits, "-", "_" or ".", and starts with a letter or digit`,
    fr: (p: { id: string }) => `\`${p.id}\` n'est pas un identifiant valide : un identifiant s'écrit avec des lettres sans accent, des chiffres, "-", "_" ou ".", et commence par une lettre ou un chiffre`,
  },
  'language.schema.invalid-id.hint': { en: (p: { id: string }) => `write \`${p.id}\``, fr: (p: { id: string }) => `écrivez \`${p.id}\`` },
  'language.schema.empty-id': { en: 'an id cannot be empty', fr: 'un identifiant ne peut pas être vide' },
  'language.schema.id-rule': {
    en: 'an id uses unaccented letters, digits, "-", "_" or ".", and starts with a letter or digit',
    fr: 'un identifiant s\'écrit avec des lettres sans accent, des chiffres, "-", "_" ou ".", et commence par une lettre ou un chiffre',
  },
  'language.schema.proto-id': { en: '`__proto__` is not a valid id', fr: "`__proto__` n'est pas un identifiant valide" },
  'language.schema.invalid-url': {
    en: (p: { value: string }) => `\`${p.value}\` is not a web address`,
    fr: (p: { value: string }) => `\`${p.value}\` n'est pas une adresse web`,
  },
  'language.schema.invalid-url.hint': { en: 'write the whole address, starting with https://', fr: "écrivez l'adresse entière, qui commence par https://" },
  'language.schema.invalid-format': {
    en: (p: { value: string }) => `\`${p.value}\` is not written in the expected form`,
    fr: (p: { value: string }) => `\`${p.value}\` n'est pas écrit sous la forme attendue`,
  },
  'language.schema.invalid': { en: 'this value is not valid here', fr: "cette valeur n'est pas valide ici" },
});

/** What the schemas themselves say (refinements and custom errors), written when a document is checked. */
const schemaRules = defineMessages({
  'language.schema.version': { en: 'the language version is 1: write `version: 1`', fr: 'la version du langage est 1 : écrivez `version: 1`' },
  'language.schema.finite': { en: 'must be a finite number', fr: 'doit être un nombre fini' },
  'language.schema.positive': { en: 'must be > 0', fr: 'doit être > 0' },
  'language.schema.beta-mean': { en: 'a beta mean lies strictly between 0 and 1', fr: "la moyenne d'une loi beta est strictement comprise entre 0 et 1" },
  'language.schema.transition-key': {
    en: 'a transition is written `FROM->TO`, e.g. `S1->S2`',
    fr: "une transition s'écrit `DE->VERS`, par exemple `S1->S2`",
  },
  'language.schema.frequency': {
    en: 'a frequency is `{times: N, per: year}`, the shorthand `N/year` (day, week, month, quarter, year), or `once` for a one-off act',
    fr: "une fréquence s'écrit `{times: N, per: year}`, en abrégé `N/year` (day, week, month, quarter, year), ou `once` pour un acte unique",
  },
  'language.schema.within-days': {
    en: '`within-days` is a whole number of days ≥ 0 (the act is due within that many days of entering the node)',
    fr: "`within-days` est un nombre entier de jours ≥ 0 (l'acte est dû dans ce délai après l'entrée dans le nœud)",
  },
  'language.schema.condition-empty': {
    en: 'a condition needs at least one of lt, lte, gt, gte, eq, in, between',
    fr: "une condition a besoin d'au moins l'un de lt, lte, gt, gte, eq, in, between",
  },
  'language.schema.criterion-empty': {
    en: (p: { keys: readonly string[] }) => `a criterion needs at least one of ${p.keys.join(', ')}`,
    fr: (p: { keys: readonly string[] }) => `un critère a besoin d'au moins l'un de ${p.keys.join(', ')}`,
  },
  'language.schema.dirichlet-length': {
    en: (p: { concentrations: number; branches: number }) => `the dirichlet has ${p.concentrations} concentrations for ${p.branches} branches: give one per branch, in order`,
    fr: (p: { concentrations: number; branches: number }) => `la loi de Dirichlet a ${p.concentrations} concentrations pour ${p.branches} branches : donnez-en une par branche, dans l'ordre`,
  },
  'language.schema.dirichlet-no-p': {
    en: 'this decision draws its branch shares from `probabilities`: remove `p` here',
    fr: 'cette décision tire les parts de ses branches de `probabilities` : retirez `p` ici',
  },
  'language.schema.relative-to': { en: 'a coverage can be relative to `baseline` only', fr: "une couverture ne peut être relative qu'à `baseline`" },
  'language.schema.program-cost-kind': {
    en: 'a program cost has exactly one of `per-year`, `per-enrolled-year` and `per-person-year`',
    fr: 'un coût de programme a exactement une des clés `per-year`, `per-enrolled-year` et `per-person-year`',
  },
  'language.schema.program-cost-strata': {
    en: '`strata` only goes with `per-enrolled-year` or `per-person-year`: a fixed cost per year is not shared out by stratum',
    fr: '`strata` ne va qu\'avec `per-enrolled-year` ou `per-person-year` : un coût fixe annuel ne se répartit pas par strate',
  },
  'language.schema.program-cost-person-strata': {
    en: 'a cost `per-person-year` needs `strata`: the strata whose people it is paid for',
    fr: 'un coût `per-person-year` demande `strata` : les strates dont les personnes le coûtent',
  },
  'language.schema.duration-whole': {
    en: 'a duration is a whole number of cycles',
    fr: 'une durée est un nombre entier de cycles',
  },
  'language.schema.inflow-count-or-rate': {
    en: 'an inflow has either `count` or `rate` (with `of`), not both and not neither',
    fr: 'une entrée a soit `count`, soit `rate` (avec `of`) : ni les deux, ni aucun',
  },
  'language.schema.inflow-rate-of': {
    en: 'an inflow with `rate` says what it is a rate `of` (`population` or a stratum id)',
    fr: "une entrée avec `rate` dit de quoi c'est un taux avec `of` (`population` ou un identifiant de strate)",
  },
  'language.schema.count-whole': { en: 'a count is a whole number of people', fr: 'un effectif est un nombre entier de personnes' },
  'language.schema.count-max': { en: 'a count is at most 10¹² people', fr: 'un effectif est au plus de 10¹² personnes' },
  'language.schema.population-max': { en: 'a population is at most 10¹² people', fr: 'une population est au plus de 10¹² personnes' },
  // Targets, Calibration, ParameterSet (issue 15).
  'language.schema.target-year-whole': { en: 'a model year is a whole number: 0 (the start), 1, 2…', fr: 'une année du modèle est un nombre entier : 0 (le début), 1, 2…' },
  'language.schema.target-n-whole': { en: '`n` is a whole number of people', fr: '`n` est un nombre entier de personnes' },
  'language.schema.target-measure': {
    en: 'a target measures exactly one of `count`, `flow` or `event`',
    fr: 'une cible mesure exactement une chose : `count`, `flow` ou `event`',
  },
  'language.schema.target-year-and-years': {
    en: 'a target has either `year` or `change` with `years`, not both',
    fr: 'une cible a soit `year`, soit `change` avec `years`, pas les deux',
  },
  'language.schema.target-no-year': {
    en: 'a target needs `year` (the model year it is measured in), or `change` with `years`',
    fr: "une cible a besoin de `year` (l'année du modèle où elle est mesurée), ou de `change` avec `years`",
  },
  'language.schema.target-change-years': {
    en: '`change` needs `years: [first, last]`, the two model years it compares, instead of `year`',
    fr: '`change` a besoin de `years: [première, dernière]`, les deux années du modèle comparées, à la place de `year`',
  },
  'language.schema.target-years-change': {
    en: '`years` only goes with `change: annual`; for a value of one year write `year`',
    fr: "`years` ne va qu'avec `change: annual` ; pour la valeur d'une seule année, écrivez `year`",
  },
  'language.schema.target-years-order': {
    en: '`years` is two model years, the first before the second',
    fr: '`years` donne deux années du modèle, la première avant la seconde',
  },
  'language.schema.target-year-zero': {
    en: 'year 0 is the start of the simulation: only a `count` is measured then; a flow or an event happens during a year from 1',
    fr: "l'année 0 est le début de la simulation : seul un `count` s'y mesure ; un flux ou un événement a lieu pendant une année, à partir de 1",
  },
  'language.schema.target-ci95-order': { en: '`ci95` is [low, high], low below high', fr: '`ci95` s\'écrit [bas, haut], le bas sous le haut' },
  'language.schema.target-normal-spread': {
    en: 'a target with a normal likelihood gives its uncertainty: `sd` or `ci95: [low, high]`',
    fr: 'une cible de vraisemblance normale donne son incertitude : `sd` ou `ci95: [bas, haut]`',
  },
  'language.schema.target-sd-and-ci95': {
    en: 'give the uncertainty once: `sd` or `ci95`, not both',
    fr: "donnez l'incertitude une seule fois : `sd` ou `ci95`, pas les deux",
  },
  'language.schema.target-binomial-n': {
    en: 'a binomial likelihood needs `n`, the observed denominator',
    fr: 'une vraisemblance binomiale a besoin de `n`, le dénominateur observé',
  },
  'language.schema.target-binomial-per': {
    en: 'a binomial likelihood compares a share: it needs `per` (the denominator)',
    fr: 'une vraisemblance binomiale compare une proportion : elle a besoin de `per` (le dénominateur)',
  },
  'language.schema.target-binomial-share': {
    en: 'with a binomial likelihood the value is a share: between 0 and `scale`',
    fr: 'avec une vraisemblance binomiale, la valeur est une proportion : entre 0 et `scale`',
  },
  'language.schema.target-n-binomial': {
    en: '`n` only goes with `likelihood: binomial`',
    fr: "`n` ne va qu'avec `likelihood: binomial`",
  },
  'language.schema.target-poisson-per': {
    en: 'a Poisson likelihood compares an observed count: remove `per` (or use a normal or binomial likelihood)',
    fr: 'une vraisemblance de Poisson compare un effectif observé : retirez `per` (ou choisissez une vraisemblance normale ou binomiale)',
  },
  'language.schema.target-poisson-change': {
    en: 'a Poisson likelihood compares an observed count, not a change: remove `change` (or use a normal likelihood)',
    fr: "une vraisemblance de Poisson compare un effectif observé, pas une évolution : retirez `change` (ou choisissez une vraisemblance normale)",
  },
  'language.schema.target-poisson-value': {
    en: 'with a Poisson likelihood the value is an observed count: 0 or more',
    fr: 'avec une vraisemblance de Poisson, la valeur est un effectif observé : 0 ou plus',
  },
  'language.schema.bounds-order': { en: '`bounds` is [low, high], low below high', fr: '`bounds` s\'écrit [bas, haut], le bas sous le haut' },
  'language.schema.parameter-set-empty': {
    en: 'a parameter set has `values`, a `posterior` file, or both',
    fr: 'un jeu de paramètres a des valeurs (`values`), un fichier `posterior`, ou les deux',
  },
});

const references = defineMessages({
  'language.reference.unknown-pyramid': { en: (p: { id: string }) => `unknown pyramid \`${p.id}\``, fr: (p: { id: string }) => `pyramide \`${p.id}\` inconnue` },
  'language.reference.unknown-logigramme': { en: (p: { id: string }) => `unknown logigramme \`${p.id}\``, fr: (p: { id: string }) => `logigramme \`${p.id}\` inconnu` },
  'language.reference.unknown-territory': { en: (p: { id: string }) => `unknown territory \`${p.id}\``, fr: (p: { id: string }) => `territoire \`${p.id}\` inconnu` },
  'language.reference.unknown-program': { en: (p: { id: string }) => `unknown program \`${p.id}\``, fr: (p: { id: string }) => `programme \`${p.id}\` inconnu` },
  'language.reference.unknown-scenario': { en: (p: { id: string }) => `unknown scenario \`${p.id}\``, fr: (p: { id: string }) => `scénario \`${p.id}\` inconnu` },
  'language.reference.unknown-actors': { en: (p: { id: string }) => `unknown actors \`${p.id}\``, fr: (p: { id: string }) => `document d'acteurs \`${p.id}\` inconnu` },
  'language.reference.unknown-targets': { en: (p: { id: string }) => `unknown targets \`${p.id}\``, fr: (p: { id: string }) => `cibles \`${p.id}\` inconnues` },
  'language.reference.unknown-calibration': { en: (p: { id: string }) => `unknown calibration \`${p.id}\``, fr: (p: { id: string }) => `étalonnage \`${p.id}\` inconnu` },
  'language.reference.unknown-parameter-set': { en: (p: { id: string }) => `unknown parameter set \`${p.id}\``, fr: (p: { id: string }) => `jeu de paramètres \`${p.id}\` inconnu` },
  'language.reference.unknown-stratum': { en: (p: { id: string }) => `unknown stratum \`${p.id}\``, fr: (p: { id: string }) => `strate \`${p.id}\` inconnue` },
  'language.reference.unknown-state': { en: (p: { id: string }) => `unknown state \`${p.id}\``, fr: (p: { id: string }) => `état \`${p.id}\` inconnu (ni strate ni sortie)` },
  'language.reference.unknown-actor': { en: (p: { id: string }) => `unknown actor \`${p.id}\``, fr: (p: { id: string }) => `acteur \`${p.id}\` inconnu` },
  'language.reference.unknown-source': { en: (p: { id: string }) => `unknown source \`${p.id}\``, fr: (p: { id: string }) => `source \`${p.id}\` inconnue` },
  'language.reference.unknown-phase': { en: (p: { id: string }) => `unknown phase \`${p.id}\``, fr: (p: { id: string }) => `phase \`${p.id}\` inconnue` },
  'language.reference.none-loaded': {
    en: (p: { kind: string }) => `no ${p.kind} document is loaded in this workspace; check logi.config.yaml \`include\``,
    fr: (p: { kind: string }) => `aucun document ${p.kind} n'est chargé dans cet espace de travail ; vérifiez \`include\` dans logi.config.yaml`,
  },
  'language.reference.no-actors': { en: 'no Actors document is loaded in this workspace', fr: "aucun document Actors n'est chargé dans cet espace de travail" },
});

/** Parameter paths (src/language/parameter-path.ts). */
const parameterPaths = defineMessages({
  'language.parameter-path.empty': {
    en: 'the parameter path is empty: write a document id, then the keys down to the value, e.g. `diabete-t2 transitions S1->S2 p`',
    fr: "le chemin de paramètre est vide : écrivez l'identifiant d'un document, puis les clés jusqu'à la valeur, par exemple `diabete-t2 transitions S1->S2 p`",
  },
  'language.parameter-path.unknown-document': {
    en: (p: { id: string }) => `\`${p.id}\` names no document that holds parameters (a Pyramid, Logigramme, Program, Territory or Actors)`,
    fr: (p: { id: string }) => `\`${p.id}\` ne désigne aucun document qui porte des paramètres (Pyramid, Logigramme, Program, Territory ou Actors)`,
  },
  'language.parameter-path.unknown-kind': {
    en: (p: { kind: string }) => `\`${p.kind}\` is not a kind of document that holds parameters: Pyramid, Logigramme, Program, Territory or Actors`,
    fr: (p: { kind: string }) => `\`${p.kind}\` n'est pas un type de document qui porte des paramètres : Pyramid, Logigramme, Program, Territory ou Actors`,
  },
  'language.parameter-path.ambiguous-document': {
    en: (p: { id: string; options: readonly string[] }) => `\`${p.id}\` names several documents: ${p.options.map((o) => `\`${o}\``).join(', ')}`,
    fr: (p: { id: string; options: readonly string[] }) => `\`${p.id}\` désigne plusieurs documents : ${p.options.map((o) => `\`${o}\``).join(', ')}`,
  },
  'language.parameter-path.ambiguous-document.hint': {
    en: (p: { example: string }) => `say which one with its kind before the id, e.g. \`${p.example}\``,
    fr: (p: { example: string }) => `dites lequel en écrivant son type devant l'identifiant, par exemple \`${p.example}\``,
  },
  'language.parameter-path.no-such-key': {
    en: (p: { segment: string; at: string }) => `\`${p.at}\` has no \`${p.segment}\``,
    fr: (p: { segment: string; at: string }) => `\`${p.at}\` n'a pas de \`${p.segment}\``,
  },
  'language.parameter-path.no-such-key.hint': {
    en: 'in a list, name an element by its `id`, its `from->to` or its index (0 is the first)',
    fr: "dans une liste, désignez un élément par son `id`, son `from->to` ou son rang (0 pour le premier)",
  },
  'language.parameter-path.beyond-value': {
    en: (p: { at: string }) => `\`${p.at}\` is a value: the path ends there`,
    fr: (p: { at: string }) => `\`${p.at}\` est une valeur : le chemin s'arrête là`,
  },
  'language.parameter-path.not-a-parameter': {
    en: (p: { path: string }) => `\`${p.path}\` is not a parameter: a path ends on a number or a distribution that the simulation reads`,
    fr: (p: { path: string }) => `\`${p.path}\` n'est pas un paramètre : un chemin se termine sur un nombre ou une loi que la simulation lit`,
  },
  'language.parameter-path.continue': {
    en: (p: { next: readonly string[] }) => `continue the path with ${p.next.map((n) => `\`${n}\``).join(', ')}`,
    fr: (p: { next: readonly string[] }) => `poursuivez le chemin avec ${p.next.map((n) => `\`${n}\``).join(', ')}`,
  },
  'language.parameter-path.no-parameter-below': {
    en: 'nothing below it is a parameter the simulation draws; see docs/language.md, "Parameter paths"',
    fr: 'rien en dessous n\'est un paramètre tiré par la simulation ; voir docs/language.md, « Parameter paths »',
  },
});

const workspace = defineMessages({
  'language.workspace.duplicate-id': {
    en: (p: { kind: string; id: string }) => `a ${p.kind} with id \`${p.id}\` already exists`,
    fr: (p: { kind: string; id: string }) => `un document ${p.kind} d'identifiant \`${p.id}\` existe déjà`,
  },
  'language.workspace.duplicate-id.hint': {
    en: (p: { file: string; line: number }) => `the other one is in ${p.file}:${p.line}; ids are unique per kind`,
    fr: (p: { file: string; line: number }) => `l'autre est dans ${p.file}:${p.line} ; les identifiants sont uniques pour chaque type de document`,
  },
});

const suggestions = defineMessages({
  'language.suggest.did-you-mean': {
    en: (p: { options: string[] }) => `did you mean ${orList(p.options, 'or')}?`,
    fr: (p: { options: string[] }) => `vouliez-vous dire ${orList(p.options, 'ou')} ?`,
  },
  'language.suggest.known-nodes': {
    en: (p: { shown: string[]; more: number }) => `known nodes: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `nœuds connus : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-strata': {
    en: (p: { shown: string[]; more: number }) => `known strata: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `strates connues : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-states': {
    en: (p: { shown: string[]; more: number }) => `known states: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `états connus (strates et sorties) : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-actors': {
    en: (p: { shown: string[]; more: number }) => `known actors: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `acteurs connus : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-sources': {
    en: (p: { shown: string[]; more: number }) => `known sources: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `sources connues : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-phases': {
    en: (p: { shown: string[]; more: number }) => `known phases: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `phases connues : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-values': {
    en: (p: { shown: string[]; more: number }) => `known values: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `valeurs connues : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-pyramids': {
    en: (p: { shown: string[]; more: number }) => `known pyramid ids: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `pyramides connues : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-logigrammes': {
    en: (p: { shown: string[]; more: number }) => `known logigramme ids: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `logigrammes connus : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-territories': {
    en: (p: { shown: string[]; more: number }) => `known territory ids: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `territoires connus : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-programs': {
    en: (p: { shown: string[]; more: number }) => `known program ids: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `programmes connus : ${shownList(p.shown, p.more, 'en tout')}`,
  },
  'language.suggest.known-scenarios': {
    en: (p: { shown: string[]; more: number }) => `known scenario ids: ${shownList(p.shown, p.more, 'in all')}`,
    fr: (p: { shown: string[]; more: number }) => `scénarios connus : ${shownList(p.shown, p.more, 'en tout')}`,
  },
});

export const languageMessages = defineMessages({ ...files, ...syntax, ...values, ...schema, ...schemaRules, ...references, ...parameterPaths, ...workspace, ...suggestions });

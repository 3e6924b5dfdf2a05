/**
 * Messages of the stratify area (ids start with `stratify.`): see src/i18n/catalogue.ts. The
 * refusals of the input data of `logi stratify` (src/stratify/load.ts), naming the file, the row as
 * a user counts it (in a CSV the header is row 1) and the column, and the command's outputs.
 */
import { defineMessages } from '../define.js';

type Cell = { file: string; row: number; column: string; value: string };

export const stratifyMessages = defineMessages({
  'stratify.missing-table': {
    en: (p: { table: string; dir: string }) => `the data folder ${p.dir} has no ${p.table} table: ${p.table}.csv or ${p.table}.parquet expected`,
    fr: (p: { table: string; dir: string }) => `le dossier de données ${p.dir} n'a pas de table ${p.table} : ${p.table}.csv ou ${p.table}.parquet attendu`,
  },
  'stratify.missing-table.hint': {
    en: (p: { table: string }) => `the criteria read the ${p.table} table; see docs/stratify.md, "Input data", for its columns`,
    fr: (p: { table: string }) => `les critères lisent la table ${p.table} ; ses colonnes sont décrites dans docs/stratify.md, « Input data »`,
  },
  'stratify.two-files': {
    en: (p: { csv: string; parquet: string }) => `both ${p.csv} and ${p.parquet} are there: logi does not know which to read`,
    fr: (p: { csv: string; parquet: string }) => `${p.csv} et ${p.parquet} sont tous deux présents : logi ne sait pas lequel lire`,
  },
  'stratify.two-files.hint': { en: 'keep one of them in the data folder', fr: "gardez l'un des deux dans le dossier de données" },
  'stratify.no-data-folder': {
    en: (p: { dir: string }) => `${p.dir} is not a folder`,
    fr: (p: { dir: string }) => `${p.dir} n'est pas un dossier`,
  },
  'stratify.no-data-folder.hint': { en: 'give the folder that holds patients.csv (or patients.parquet) and the other tables', fr: 'donnez le dossier qui contient patients.csv (ou patients.parquet) et les autres tables' },
  'stratify.unreadable': {
    en: (p: { file: string; detail: string }) => `cannot read ${p.file}: ${p.detail}`,
    fr: (p: { file: string; detail: string }) => `impossible de lire ${p.file} : ${p.detail}`,
  },
  'stratify.unreadable.hint': {
    en: 'a CSV file needs a header row and UTF-8 text (--delimiter ";" for semicolons); a Parquet file must be whole',
    fr: 'un fichier CSV doit avoir une ligne d’en-tête et être en UTF-8 (--delimiter ";" pour les points-virgules) ; un fichier Parquet doit être entier',
  },
  'stratify.missing-column': {
    en: (p: { file: string; column: string; found: string }) => `${p.file} has no column ${p.column} (its columns: ${p.found})`,
    fr: (p: { file: string; column: string; found: string }) => `${p.file} n'a pas de colonne ${p.column} (ses colonnes : ${p.found})`,
  },
  'stratify.missing-column.hint': {
    en: 'column names are written in lower case, as in docs/stratify.md, "Input data"; a CSV written with semicolons needs --delimiter ";"',
    fr: 'les noms de colonnes s’écrivent en minuscules, comme dans docs/stratify.md, « Input data » ; un CSV à points-virgules demande --delimiter ";"',
  },
  'stratify.bad.empty': {
    en: (p: Cell) => `${p.file}, row ${p.row}, column ${p.column}: a value is required here`,
    fr: (p: Cell) => `${p.file}, ligne ${p.row}, colonne ${p.column} : une valeur est obligatoire ici`,
  },
  'stratify.bad.date': {
    en: (p: Cell) => `${p.file}, row ${p.row}, column ${p.column}: "${p.value}" is not a date`,
    fr: (p: Cell) => `${p.file}, ligne ${p.row}, colonne ${p.column} : « ${p.value} » n'est pas une date`,
  },
  'stratify.bad.date.hint': { en: 'dates are written YYYY-MM-DD (2026-03-31), and must exist', fr: 'les dates s’écrivent AAAA-MM-JJ (2026-03-31) et doivent exister' },
  'stratify.bad.double': {
    en: (p: Cell) => `${p.file}, row ${p.row}, column ${p.column}: "${p.value}" is not a number`,
    fr: (p: Cell) => `${p.file}, ligne ${p.row}, colonne ${p.column} : « ${p.value} » n'est pas un nombre`,
  },
  'stratify.bad.double.hint': { en: 'a number with a decimal point (8.4); a decimal comma (8,4) only with --delimiter ";"', fr: 'un nombre avec un point décimal (8.4) ; la virgule décimale (8,4) seulement avec --delimiter ";"' },
  'stratify.bad.boolean': {
    en: (p: Cell) => `${p.file}, row ${p.row}, column ${p.column}: "${p.value}" is neither true nor false`,
    fr: (p: Cell) => `${p.file}, ligne ${p.row}, colonne ${p.column} : « ${p.value} » n'est ni vrai ni faux`,
  },
  'stratify.bad.boolean.hint': { en: 'write true or false (also accepted: 1/0, yes/no, oui/non; empty is false)', fr: 'écrivez true ou false (acceptés aussi : 1/0, yes/no, oui/non ; vide vaut false)' },
  'stratify.bad.sex': {
    en: (p: Cell) => `${p.file}, row ${p.row}, column ${p.column}: "${p.value}" is not a sex`,
    fr: (p: Cell) => `${p.file}, ligne ${p.row}, colonne ${p.column} : « ${p.value} » n'est pas un sexe`,
  },
  'stratify.bad.sex.hint': { en: 'write F or M', fr: 'écrivez F ou M' },
  'stratify.bad.empty.hint': { en: 'fill in the value, or remove the row', fr: 'renseignez la valeur, ou retirez la ligne' },
  'stratify.duplicate-patient': {
    en: (p: Cell) => `${p.file}, row ${p.row}, column ${p.column}: the patient "${p.value}" is already on an earlier row`,
    fr: (p: Cell) => `${p.file}, ligne ${p.row}, colonne ${p.column} : le patient « ${p.value} » figure déjà sur une ligne précédente`,
  },
  'stratify.duplicate-patient.hint': { en: 'the patients table has one row per patient', fr: 'la table patients a une ligne par patient' },
  'stratify.no-dates': { en: 'the data hold no date, so the reference date cannot be found', fr: 'les données ne contiennent aucune date : impossible de trouver la date de référence' },
  'stratify.no-dates.hint': { en: 'give it with --as-of YYYY-MM-DD', fr: 'donnez-la avec --as-of AAAA-MM-JJ' },
  'stratify.unknown-pyramid': {
    en: (p: { id: string; known: string }) => `there is no pyramid ${p.id} in the workspace (pyramids: ${p.known})`,
    fr: (p: { id: string; known: string }) => `il n'y a pas de pyramide ${p.id} dans l'espace de travail (pyramides : ${p.known})`,
  },
  'stratify.unknown-pyramid.hint': { en: 'give the id of a Pyramid document (logi lint lists the workspace)', fr: "donnez l'identifiant d'un document Pyramid (logi lint liste l'espace de travail)" },
  'stratify.no-criteria': {
    en: (p: { id: string }) => `the pyramid ${p.id} has no stratum with a structured criterion: every patient would go to the bottom stratum`,
    fr: (p: { id: string }) => `la pyramide ${p.id} n'a aucune strate à critère structuré : tous les patients iraient dans la strate du bas`,
  },
  'stratify.no-criteria.hint': { en: 'write the strata\'s criteria as criterion keys (docs/stratify.md)', fr: 'écrivez les critères des strates avec des clés de critère (docs/stratify.md)' },
  'stratify.bad-as-of': {
    en: (p: { value: string }) => `--as-of ${p.value} is not a date`,
    fr: (p: { value: string }) => `--as-of ${p.value} n'est pas une date`,
  },
  'stratify.emit-sql-needs-as-of': { en: '--emit-sql without the data needs --as-of', fr: '--emit-sql sans les données demande --as-of' },
  'stratify.emit-sql-needs-as-of.hint': { en: 'give --as-of YYYY-MM-DD, or the data folder to take its latest date', fr: 'donnez --as-of AAAA-MM-JJ, ou le dossier de données pour prendre sa date la plus récente' },
  'stratify.needs-data': { en: 'the data folder is missing', fr: 'le dossier de données manque' },
  'stratify.needs-data.hint': { en: 'logi stratify PYRAMID DATA (or --emit-sql --as-of DATE to print the query only)', fr: 'logi stratify PYRAMIDE DONNÉES (ou --emit-sql --as-of DATE pour afficher la requête seule)' },
  'stratify.bad-territory-id': {
    en: (p: { file: string; row: number; value: string }) => `${p.file}, row ${p.row}: the territory "${p.value}" is not an id logi can name a Territory document with`,
    fr: (p: { file: string; row: number; value: string }) => `${p.file}, ligne ${p.row} : le territoire « ${p.value} » n'est pas un identifiant dont logi peut nommer un document Territory`,
  },
  'stratify.bad-territory-id.hint': {
    en: 'territory ids are letters, digits, "-", "_" and "." (douaisis, haute-saone); --territory-column names another column',
    fr: 'les identifiants de territoire sont faits de lettres, chiffres, « - », « _ » et « . » (douaisis, haute-saone) ; --territory-column nomme une autre colonne',
  },
  'stratify.territory-title': {
    en: (p: { id: string }) => `${p.id} (territory found in the data of logi stratify)`,
    fr: (p: { id: string }) => `${p.id} (territoire trouvé dans les données de logi stratify)`,
  },
  'stratify.source-title': {
    en: (p: { pyramid: string; asOf: string; sha: string }) => `logi stratify ${p.pyramid}, as of ${p.asOf}, data SHA-256 ${p.sha}`,
    fr: (p: { pyramid: string; asOf: string; sha: string }) => `logi stratify ${p.pyramid}, au ${p.asOf}, données SHA-256 ${p.sha}`,
  },
  'stratify.counts-note': {
    en: (p: { patients: number; outside: number; population: string }) => `Counted from patient data: ${p.patients} patients, ${p.outside} outside the pyramid. Population: ${p.population}.`,
    fr: (p: { patients: number; outside: number; population: string }) => `Compté sur les données patients : ${p.patients} patients, dont ${p.outside} hors de la pyramide. Population : ${p.population}.`,
  },
  'stratify.population.workspace': { en: 'the workspace\'s', fr: "celle de l'espace de travail" },
  'stratify.population.patients': { en: 'the number of patients in the data (the territory is not in the workspace)', fr: "le nombre de patients des données (le territoire n'est pas dans l'espace de travail)" },
  'stratify.new-territories': {
    en: (p: { ids: string }) => `not in the workspace, new Territory documents (population: the patients counted): ${p.ids}`,
    fr: (p: { ids: string }) => `absents de l'espace de travail, nouveaux documents Territory (population : les patients comptés) : ${p.ids}`,
  },
  'stratify.progress.loading': { en: 'Reading the data', fr: 'Lecture des données' },
  'stratify.progress.assigning': { en: 'Assigning the strata', fr: 'Affectation aux strates' },
  'stratify.progress.writing': { en: 'Writing the outputs', fr: 'Écriture des sorties' },
  'stratify.wrote': {
    en: (p: { out: string; patients: number; territories: number; asOf: string }) => `${p.patients} patients of ${p.territories} territories assigned as of ${p.asOf}; outputs in ${p.out}`,
    fr: (p: { out: string; patients: number; territories: number; asOf: string }) => `${p.patients} patients de ${p.territories} territoires affectés au ${p.asOf} ; sorties dans ${p.out}`,
  },
  'cli.command.stratify.summary': {
    en: "Assign patients to the strata of a pyramid from their data (diagnoses, dispensations, labs, stays, acts), count each territory's pyramid, and write Territory documents for `logi simulate`.",
    fr: "Affecter les patients aux strates d'une pyramide d'après leurs données (diagnostics, délivrances, biologie, séjours, actes), compter la pyramide de chaque territoire et écrire des documents Territory pour `logi simulate`.",
  },
  'cli.command.stratify.description': {
    en: "PYRAMID is the id of a Pyramid of the workspace whose strata have structured criteria; DATA a folder with one file per table, TABLE.csv or TABLE.parquet (patients always; diagnoses, dispensations, labs, stays, acts when the criteria read them). The columns, the semantics of every criterion and of the assignment are in docs/stratify.md.\n\nThe run is embedded DuckDB: each file is checked (a bad value is reported with its file, row and column), then one SQL query assigns every patient, as of --as-of (default: the latest date of the data). --out DIR receives counts.csv (territory × stratum, and outside), assignments.parquet (patient, territory, stratum, the reason) and territories/ID.yaml: the workspace's Territory document with this pyramid's counts replaced, or a new one for a territory the workspace does not know; its source names the data's SHA-256 and the as-of date.\n\n--emit-sql prints the same query for DuckDB, PostgreSQL or Spark SQL, to run where the data live.",
    fr: "PYRAMID est l'identifiant d'une Pyramid de l'espace de travail dont les strates ont des critères structurés ; DATA un dossier avec un fichier par table, TABLE.csv ou TABLE.parquet (patients toujours ; diagnoses, dispensations, labs, stays, acts quand les critères les lisent). Les colonnes, la sémantique de chaque critère et de l'affectation sont dans docs/stratify.md.\n\nLe calcul se fait dans DuckDB embarqué : chaque fichier est vérifié (une valeur fausse est signalée avec son fichier, sa ligne et sa colonne), puis une requête SQL affecte chaque patient, à la date --as-of (par défaut : la date la plus récente des données). --out DIR reçoit counts.csv (territoire × strate, et hors pyramide), assignments.parquet (patient, territoire, strate, le motif) et territories/ID.yaml : le document Territory de l'espace de travail avec les effectifs de cette pyramide remplacés, ou un nouveau pour un territoire que l'espace de travail ne connaît pas ; sa source donne le SHA-256 des données et la date de référence.\n\n--emit-sql affiche la même requête pour DuckDB, PostgreSQL ou Spark SQL, à exécuter là où sont les données.",
  },
  'cli.command.stratify.example.0': { en: 'Count the diabetes pyramid of the territories in data/', fr: 'Compter la pyramide diabète des territoires de data/' },
  'cli.command.stratify.example.1': { en: 'French CSV files, a fixed reference date, the territory in the column ght', fr: 'Des CSV français, une date de référence fixe, le territoire dans la colonne ght' },
  'cli.command.stratify.example.2': { en: 'The SQL query for PostgreSQL, to run on the data warehouse', fr: "La requête SQL pour PostgreSQL, à exécuter sur l'entrepôt de données" },
  'cli.command.stratify.arg.pyramid': { en: 'the id of a Pyramid in the workspace', fr: "l'identifiant d'une Pyramid de l'espace de travail" },
  'cli.command.stratify.arg.data': { en: 'the folder of the data files (TABLE.csv or TABLE.parquet)', fr: 'le dossier des fichiers de données (TABLE.csv ou TABLE.parquet)' },
  'cli.command.stratify.flag.out': { en: 'folder to write the outputs into, replaced whole (default: out/stratify-PYRAMID)', fr: 'dossier où écrire les sorties, remplacé en entier (par défaut : out/stratify-PYRAMID)' },
  'cli.command.stratify.flag.as-of': { en: 'the reference date, YYYY-MM-DD (default: the latest date of the data)', fr: 'la date de référence, AAAA-MM-JJ (par défaut : la date la plus récente des données)' },
  'cli.command.stratify.flag.territory-column': { en: 'the column of patients that holds the territory id (default: territory)', fr: "la colonne de patients qui porte l'identifiant du territoire (par défaut : territory)" },
  'cli.command.stratify.flag.delimiter': { en: 'the CSV files\' delimiter (";" also reads decimal commas), and that of the CSV written', fr: 'le séparateur des fichiers CSV (";" lit aussi les virgules décimales), et celui des CSV écrits' },
  'cli.command.stratify.flag.assignments-csv': { en: 'also write assignments.csv beside assignments.parquet', fr: 'écrire aussi assignments.csv à côté de assignments.parquet' },
  'cli.command.stratify.flag.worklist': {
    en: 'write the worklist (worklist.csv and worklist.parquet: the actions each patient is due); --no-worklist writes only counts, assignments and territories',
    fr: 'écrire la liste de travail (worklist.csv et worklist.parquet : les actions dues par chaque patient) ; --no-worklist écrit seulement les effectifs, les affectations et les territoires',
  },
  'cli.command.stratify.flag.logigramme': {
    en: 'the logigramme followed for the worklist where a stratum has several (repeat for several strata)',
    fr: 'le logigramme suivi pour la liste de travail quand une strate en a plusieurs (à répéter pour plusieurs strates)',
  },
  'cli.command.stratify.flag.emit-sql': { en: 'print the SQL query instead of running it (DATA then only gives the default --as-of)', fr: 'afficher la requête SQL au lieu de la lancer (DATA ne sert alors qu\'à la date --as-of par défaut)' },
  'cli.command.stratify.flag.dialect': { en: 'the SQL dialect of --emit-sql', fr: 'le dialecte SQL de --emit-sql' },
  'cli.command.stratify.flag.counts-only': {
    en: 'only count each territory\'s pyramid (counts.csv and the Territory documents): no assignments, reasons or worklist; a leaner query for millions of patients, which spills to disk beyond --memory-limit',
    fr: 'seulement compter la pyramide de chaque territoire (counts.csv et les documents Territory) : ni affectations, ni motifs, ni liste de travail ; une requête plus légère pour des millions de patients, qui déborde sur disque au-delà de --memory-limit',
  },
  'cli.command.stratify.flag.memory-limit': {
    en: 'the memory the database engine may use, e.g. 1GB or 500MB (default: 1GB with --counts-only, else 80 % of the memory)',
    fr: 'la mémoire que le moteur de base de données peut utiliser, par ex. 1GB ou 500MB (par défaut : 1GB avec --counts-only, sinon 80 % de la mémoire)',
  },
  'cli.command.stratify.example.3': { en: 'Counts only, for a national extract of millions of patients', fr: "Seulement les effectifs, pour un extrait national de millions de patients" },
  'stratify.bad-memory-limit': {
    en: (p: { value: string }) => `--memory-limit ${p.value} is not a size`,
    fr: (p: { value: string }) => `--memory-limit ${p.value} n'est pas une taille`,
  },
  'stratify.bad-memory-limit.hint': { en: 'write a number and a unit: 500MB, 1GB, 2.5GB', fr: 'écrivez un nombre et une unité : 500MB, 1GB, 2.5GB' },
  'stratify.out-of-memory': {
    en: (p: { limit: string; detail: string }) => `the database engine ran out of memory (limit ${p.limit}): ${p.detail}`,
    fr: (p: { limit: string; detail: string }) => `le moteur de base de données a manqué de mémoire (limite ${p.limit}) : ${p.detail}`,
  },
  'stratify.out-of-memory.counts-only.hint': {
    en: 'give the engine more memory with --memory-limit (the counts spill to disk beyond it, but not below what one step needs)',
    fr: "donnez plus de mémoire au moteur avec --memory-limit (les effectifs débordent sur disque au-delà, mais pas en deçà de ce qu'une étape demande)",
  },
  'stratify.out-of-memory.hint': {
    en: 'the per-patient reasons cannot spill to disk: count only with --counts-only, or give more memory with --memory-limit',
    fr: 'les motifs par patient ne peuvent pas déborder sur disque : comptez seulement avec --counts-only, ou donnez plus de mémoire avec --memory-limit',
  },
});

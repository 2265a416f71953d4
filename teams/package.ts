// Builds the Microsoft Teams app package: `npm run package:teams` → teams/build/small-steps-teams.zip, holding
// manifest.json (teams/manifest.template.json filled in), color.png and outline.png at the root of the zip, as
// Teams requires. The bot's id comes from MicrosoftAppId (environment, or .env in the working folder; variables
// already set win), the app version from package.json. The manifest is checked against the official JSON schema
// of its manifestVersion, shipped in @microsoft/app-manifest, before anything is written: no network is used.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { loadDotEnv } from '../src/config';

export const TEAMS_DIR = __dirname;
export const TEMPLATE_FILE = path.join(TEAMS_DIR, 'manifest.template.json');
export const ICON_FILES = ['color.png', 'outline.png'] as const;
export const DEFAULT_OUT_DIR = path.join(TEAMS_DIR, 'build');
export const ZIP_NAME = 'small-steps-teams.zip';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Zip entries get a fixed date so the same inputs make the same package.
const ENTRY_DATE = new Date('2025-01-01T00:00:00Z');

export type Manifest = Record<string, unknown> & { manifestVersion: string };

/** The bot's Microsoft App ID, or an error whose message is one line naming MicrosoftAppId. */
export function readAppId(env: NodeJS.ProcessEnv): string {
  const value = env.MicrosoftAppId?.trim() ?? '';
  if (value === '') {
    throw new Error(
      "MicrosoftAppId is not set: set it to the bot's Microsoft App ID (a GUID, from its Azure Bot resource) to package the Teams app.",
    );
  }
  if (!GUID.test(value)) {
    throw new Error(
      "MicrosoftAppId is not a GUID: set it to the bot's Microsoft App ID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, from its Azure Bot resource).",
    );
  }
  return value.toLowerCase();
}

/** The app version: package.json's `version`. */
export async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(TEAMS_DIR, '..', 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string')
    throw new Error('package.json has no "version" to use as the Teams app version.');
  return pkg.version;
}

/** Replaces every `${{NAME}}` in the template's strings with values[NAME]; an unknown NAME is an error. */
export function fillTemplate(template: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof template === 'string') {
    return template.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`teams/manifest.template.json uses \${{${name}}}, which is not filled.`);
      return value;
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, values));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillTemplate(value, values)]));
  }
  return template;
}

/** teams/manifest.template.json with the bot id and version filled in. */
export async function buildManifest(env: NodeJS.ProcessEnv): Promise<Manifest> {
  const appId = readAppId(env);
  const template = JSON.parse(await readFile(TEMPLATE_FILE, 'utf8')) as unknown;
  return fillTemplate(template, { MicrosoftAppId: appId, version: await packageVersion() }) as Manifest;
}

/** The official schema file of a manifest version, from the installed @microsoft/app-manifest package. */
export function schemaFile(manifestVersion: string): string {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/** Schema errors for a manifest ("/bots/0/botId must match pattern ..."); empty when it is valid. */
export async function validateManifest(manifest: Manifest): Promise<string[]> {
  const schema = JSON.parse(await readFile(schemaFile(manifest.manifestVersion), 'utf8')) as object;
  // The manifest schemas are draft-04; this is how @microsoft/app-manifest itself validates them.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
}

/** Writes the Teams app package and returns its path. Fails, writing nothing, on a bad id or an invalid manifest. */
export async function packageTeamsApp(options: { env?: NodeJS.ProcessEnv; outDir?: string } = {}): Promise<string> {
  const manifest = await buildManifest(options.env ?? process.env);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new Error(`The Teams manifest does not match the v${manifest.manifestVersion} schema: ${errors.join('; ')}`);
  }
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ENTRY_DATE });
  for (const icon of ICON_FILES) zip.file(icon, await readFile(path.join(TEAMS_DIR, icon)), { date: ENTRY_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });

  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, ZIP_NAME);
  await writeFile(file, bytes);
  return file;
}

if (require.main === module) {
  loadDotEnv();
  packageTeamsApp().then(
    (file) => {
      console.log(
        `Wrote ${path.relative(process.cwd(), file)}: upload it in Teams, Apps > Manage your apps > Upload an app.`,
      );
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}

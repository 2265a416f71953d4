// The Teams app package: manifest against the official schema (offline), icons, the zip, and the MicrosoftAppId check.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { understand } from '../../src/understanding/understand';
import { colorIcon, outlineIcon } from '../../teams/makeIcons';
import {
  buildManifest,
  ICON_FILES,
  Manifest,
  packageTeamsApp,
  readAppId,
  schemaFile,
  TEAMS_DIR,
  validateManifest,
  ZIP_NAME,
} from '../../teams/package';
import { makeTempDir, removeDir } from '../support/tempDir';

const APP_ID = '0f5c1c2e-4b7a-4d0e-9a1b-3c2d1e0f9a8b';
const ENV = { MicrosoftAppId: APP_ID };
const ROOT = path.join(TEAMS_DIR, '..');

// Narrow views of the parts of the manifest these tests read.
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  isNotificationOnly?: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}
const botOf = (manifest: Manifest): Bot => (manifest.bots as Bot[])[0];
const clone = (manifest: Manifest): Manifest => JSON.parse(JSON.stringify(manifest)) as Manifest;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number; colorType: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

describe('Teams manifest', () => {
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = await buildManifest(ENV);
  });

  it('is filled from MicrosoftAppId and package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.id).toBe(APP_ID);
    expect(botOf(manifest).botId).toBe(APP_ID);
    expect(manifest.version).toBe(pkg.version);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('uses a current schema (1.19 or later) and names the same version in $schema', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(1019);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('validates against the official schema of its manifestVersion, read from the installed package', async () => {
    const file = schemaFile(manifest.manifestVersion);
    expect(file).toContain(path.join('node_modules', '@microsoft', 'app-manifest'));
    expect(existsSync(file)).toBe(true);
    const schema = JSON.parse(await readFile(file, 'utf8')) as { properties: { manifestVersion: { const: string } } };
    expect(schema.properties.manifestVersion.const).toBe(manifest.manifestVersion);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('schema validation catches a broken manifest', async () => {
    const broken = clone(manifest);
    botOf(broken).botId = 'not-a-guid';
    botOf(broken).scopes = ['channel'];
    (broken.description as { short: string }).short = 'x'.repeat(81);
    delete broken.icons;
    const errors = await validateManifest(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/bots\/0\/botId must match pattern/),
        expect.stringMatching(/^\/bots\/0\/scopes\/0 must be equal to one of the allowed values/),
        expect.stringMatching(/^\/description\/short must NOT have more than 80 characters/),
        expect.stringMatching(/^\/ must have required property 'icons'/),
      ]),
    );
  });

  it('is a personal-scope conversational bot, without files, SSO or extra domains', () => {
    const bot = botOf(manifest);
    expect(manifest.bots).toHaveLength(1);
    expect(bot.scopes).toEqual(['personal']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(manifest.validDomains).toEqual([]);
    expect(manifest).not.toHaveProperty('webApplicationInfo');
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('lists the any-time commands for the personal scope, each one the bot recognises', () => {
    const lists = botOf(manifest).commandLists;
    expect(lists).toHaveLength(1);
    expect(lists[0].scopes).toEqual(['personal']);
    // Teams sends a command's title as the message text.
    const commandOf = (title: string) => {
      const understood = understand(title, { kind: 'text' }, 'en');
      return understood.kind === 'command' ? understood.command : understood.kind;
    };
    expect(lists[0].commands.map((command) => commandOf(command.title))).toEqual([
      'help',
      'stop',
      'startOver',
      'safetyPlan',
      'talkToPerson',
      'exportMyData',
      'deleteMyData',
    ]);
    for (const command of lists[0].commands) {
      // Teams' own limits, tighter than the schema's.
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('says plainly it is a chatbot, not a person and not an emergency service', () => {
    const { short, full } = manifest.description as { short: string; full: string };
    expect(short).toMatch(/chatbot, not a person/);
    expect(full).toMatch(/not a person/);
    expect(full).toMatch(/not an emergency service/);
    expect(full).toMatch(/emergency number/);
  });
});

describe('Teams icons', () => {
  it('color.png is 192×192', async () => {
    expect(pngSize(await readFile(path.join(TEAMS_DIR, 'color.png')))).toMatchObject({ width: 192, height: 192 });
  });

  it('outline.png is 32×32 with an alpha channel, white on a transparent background', async () => {
    const bytes = await readFile(path.join(TEAMS_DIR, 'outline.png'));
    expect(pngSize(bytes)).toEqual({ width: 32, height: 32, colorType: 6 });
    const png = PNG.sync.read(bytes);
    const alpha = (x: number, y: number) => png.data[(y * 32 + x) * 4 + 3];
    expect([alpha(0, 0), alpha(31, 0), alpha(0, 31), alpha(31, 31)]).toEqual([0, 0, 0, 0]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    expect(opaque).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('are what teams/makeIcons.ts draws', async () => {
    for (const [file, drawn] of [
      ['color.png', colorIcon()],
      ['outline.png', outlineIcon()],
    ] as const) {
      const committed = PNG.sync.read(await readFile(path.join(TEAMS_DIR, file)));
      expect(committed.data.equals(drawn.data)).toBe(true);
    }
  });
});

describe('packageTeamsApp', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await makeTempDir('small-steps-teams-');
  });
  afterEach(async () => {
    await removeDir(outDir);
  });

  it('writes a zip with exactly manifest.json, color.png and outline.png at its root', async () => {
    const file = await packageTeamsApp({ env: ENV, outDir });
    expect(file).toBe(path.join(outDir, ZIP_NAME));
    const zip = await JSZip.loadAsync(await readFile(file));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Object.values(zip.files).some((entry) => entry.dir)).toBe(false);

    const zipped = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(zipped).toEqual(await buildManifest(ENV));
    expect(await validateManifest(zipped)).toEqual([]);
    for (const icon of ICON_FILES) {
      expect((await zip.file(icon)!.async('nodebuffer')).equals(await readFile(path.join(TEAMS_DIR, icon)))).toBe(true);
    }
  });

  it.each([
    ['missing', undefined, /^MicrosoftAppId is not set: /],
    ['empty', '', /^MicrosoftAppId is not set: /],
    ['blank', '   ', /^MicrosoftAppId is not set: /],
    ['not a GUID', 'my-bot', /^MicrosoftAppId is not a GUID: /],
    ['a GUID in braces', `{${APP_ID}}`, /^MicrosoftAppId is not a GUID: /],
    ['a GUID one digit short', APP_ID.slice(0, -1), /^MicrosoftAppId is not a GUID: /],
  ])('fails with one line naming MicrosoftAppId when it is %s, writing nothing', async (_case, value, message) => {
    const env = value === undefined ? {} : { MicrosoftAppId: value };
    expect(() => readAppId(env)).toThrow(message);
    const error = await packageTeamsApp({ env, outDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('the package:teams script prints that one line and exits 1 without MicrosoftAppId', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['package:teams']).toBe('tsx teams/package.ts');
    const env = { ...process.env };
    delete env.MicrosoftAppId;
    // Run from an empty folder so no .env supplies an id.
    const cwd = await makeTempDir('small-steps-teams-cwd-');
    try {
      const run = promisify(execFile)(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(TEAMS_DIR, 'package.ts')],
        { cwd, env },
      );
      const failure = (await run.then(
        () => undefined,
        (caught: unknown) => caught,
      )) as { code: number; stdout: string; stderr: string } | undefined;
      expect(failure).toBeDefined();
      expect(failure!.code).toBe(1);
      expect(failure!.stdout).toBe('');
      expect(failure!.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^MicrosoftAppId is not set: /)]);
      expect(existsSync(path.join(cwd, ZIP_NAME))).toBe(false);
    } finally {
      await removeDir(cwd);
    }
  });
});

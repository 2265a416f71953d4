// A service's own crisis lines (CRISIS_LINES_FILE): checked at start, then offered with the shipped ones.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crisisLinesWithService, loadServiceCrisisLines } from '../../src/safety/crisisResources';
import { makeTempDir, removeDir } from '../support/tempDir';

const LOCAL_TEAM = {
  id: 'riverside-crisis-team',
  name: 'Riverside crisis team',
  phone: '0161 496 0999',
  hours: '24 hours, every day',
  forWhom: 'young people known to Riverside Youth Service',
  language: 'en',
  emergency: false,
  source: 'https://riverside.example.org/crisis',
  verified: '2026-11-20',
  verificationNote: 'Given by the service.',
};

describe('a service’s own crisis lines', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  async function file(content: string): Promise<string> {
    const filename = path.join(dir, 'crisis-lines.json');
    await writeFile(filename, content);
    return filename;
  }

  it('are added to the shipped lines of their country only', async () => {
    const lines = loadServiceCrisisLines(await file(JSON.stringify({ GB: [LOCAL_TEAM] })));
    expect(crisisLinesWithService('GB', lines).lines.map((line) => line.id)).toContain('riverside-crisis-team');
    expect(crisisLinesWithService('GB', lines).lines.map((line) => line.id)).toContain('samaritans');
    expect(crisisLinesWithService('BR', lines).lines.map((line) => line.id)).not.toContain('riverside-crisis-team');
  });

  it.each([
    ['not JSON', '{ GB: ', /could not be read as JSON/],
    ['a list', '[]', /must be an object of country codes/],
    ['an unknown country', JSON.stringify({ FR: [LOCAL_TEAM] }), /"FR" must be one of GB, BR, ES, NO, TR, PK/],
    ['a line without a source', JSON.stringify({ GB: [{ ...LOCAL_TEAM, source: undefined }] }), /source/],
    ['an http source', JSON.stringify({ GB: [{ ...LOCAL_TEAM, source: 'http://x.example' }] }), /source/],
  ])('are refused at start when the file is %s, naming CRISIS_LINES_FILE', async (_name, content, reason) => {
    const filename = await file(content);
    expect(() => loadServiceCrisisLines(filename)).toThrow(/CRISIS_LINES_FILE/);
    expect(() => loadServiceCrisisLines(filename)).toThrow(reason);
  });
});

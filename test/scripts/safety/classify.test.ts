// `npm run --silent safety:classify`, run as a service's safety officer would: JSONL in, one JSON line out per input
// line, in order, and nothing else on stdout.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');

function classify(lines: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'safety:classify'], {
    cwd: root,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: result.stdout.split('\n').filter(Boolean), err: result.stderr };
}

describe('safety:classify', () => {
  it('writes one JSON line per input, in order, with the level, kinds and which part decided', () => {
    const { status, out } = classify([
      JSON.stringify({ text: 'I want to kill myself', lang: 'en' }),
      JSON.stringify({ text: 'what should i have for lunch', lang: 'en' }),
      JSON.stringify({ text: 'estoy agobiadísima, no puedo más', lang: 'es' }),
      JSON.stringify({ text: "I don't want to die, I just want the exams to be over", lang: 'en' }),
      JSON.stringify({ text: 'quero me matar', lang: 'pt' }),
    ]);
    expect(status).toBe(0);
    const results = out.map((line) => JSON.parse(line) as { level: string; kinds: string[]; by: string[] });
    expect(results.map((result) => result.level)).toEqual(['risk', 'none', 'concern', 'unsure', 'risk']);
    expect(results[0]).toEqual({
      level: 'risk',
      kinds: ['suicidal_thoughts'],
      by: expect.arrayContaining(['lexicon']),
    });
    expect(results[1]).toEqual({ level: 'none', kinds: [], by: [] });
    for (const result of results) expect(Object.keys(result).sort()).toEqual(['by', 'kinds', 'level']);
  });

  it('answers a line it cannot read with an error in its place, keeps going, and exits 1', () => {
    const { status, out, err } = classify([
      'not json',
      JSON.stringify({ lang: 'en' }),
      JSON.stringify({ text: 'hello', lang: 7 }),
      JSON.stringify({ text: 'i cut myself last night' }),
    ]);
    expect(status).toBe(1);
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).map((line) => Object.keys(JSON.parse(line) as object))).toEqual([
      ['error'],
      ['error'],
      ['error'],
    ]);
    expect(JSON.parse(out[3])).toMatchObject({ level: 'risk', kinds: ['self_harm'] });
    expect(err).toMatch(/line 1: not JSON/);
  });
});

// `npm run --silent safety:classify`: the bot's safety check as a batch tool for a service's clinical safety officer.
// Reads JSONL {"text": "...", "lang": "en"} on stdin and writes one JSON line per input line, in order:
// {"level": "risk"|"unsure"|"concern"|"none", "kinds": [...], "by": ["lexicon"|"model"]}. A line that cannot be read
// gets {"error": "..."} in its place (so the order still holds) and the exit code is 1. Nothing else goes to stdout.
import { createInterface } from 'node:readline';
import { languageFor } from '../../src/i18n/languages';
import { SafetyCheck } from '../../src/safety/safetyCheck';

interface Input {
  text?: unknown;
  lang?: unknown;
}

function classifyLine(line: string, check: SafetyCheck): string {
  let input: Input;
  try {
    input = JSON.parse(line) as Input;
  } catch {
    return JSON.stringify({ error: 'not JSON: expected {"text": "...", "lang": "en"}' });
  }
  if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
    return JSON.stringify({ error: 'expected {"text": "...", "lang": "en"} with text as a string' });
  }
  if (input.lang !== undefined && typeof input.lang !== 'string') {
    return JSON.stringify({ error: 'lang must be a language tag such as "en", "pt-BR", "es", "nb", "tr" or "ur"' });
  }
  const language = languageFor(input.lang, 'en');
  let failure: unknown;
  const verdict = check.check(input.text, language, (error) => (failure = error));
  if (failure !== undefined) {
    process.stderr.write(`the safety check failed on a line; it is reported as risk, as the bot would treat it\n`);
  }
  return JSON.stringify({
    level: verdict.level,
    kinds: verdict.signals.map((signal) => signal.kind),
    by: verdict.by,
  });
}

async function main(): Promise<void> {
  const check = new SafetyCheck();
  let failed = 0;
  let number = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    number += 1;
    if (line.trim() === '') continue;
    const output = classifyLine(line, check);
    if (output.startsWith('{"error"')) {
      failed += 1;
      process.stderr.write(`line ${number}: ${(JSON.parse(output) as { error: string }).error}\n`);
    }
    process.stdout.write(`${output}\n`);
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`safety:classify stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});

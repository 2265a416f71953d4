// What the safety tests expect of the bot's replies, shared by the tests of risk, concern and the direct question.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { messageTexts } from './conversationRunner';
import type { DialogTestKit } from './dialogTestKit';

// Every question the conversation asks; none may appear in a turn that answers risk.
export const CONVERSATION_PROMPTS = [
  /okay for me to keep your answers/,
  /how are you feeling right now/,
  /think about some small goals/,
  /Have you set goals/,
  /What word/,
  /Who would you like to be involved/,
  /Which part of life/,
  /In your own words/,
  /what would be different for you/i,
  /How about: "/,
  /small first step/,
  /How close do you feel/,
  /Is that right\?/,
  /add another one/,
  /practitioner to know/,
  /What would you like them to know/,
  /share this with/,
  /How would you like .* to reach you\?/,
];

// The school-shaped path from hello to a shared summary: a risk message is tried after every prefix of it.
export const PATH = [
  'hello',
  'yes',
  '5',
  "yes, let's do it",
  'never done it',
  'goals',
  'just me',
  'school, college or work',
  'pass my exams',
  "i'd feel calmer",
  'use that',
  'pack my bag',
  '4',
  "that's right",
  'no',
  'yes',
];

export const RISK_MESSAGE = "honestly i just want to kill myself, i'm not going to do it... probably";

/** Everything kept, as the text that is (or would be) on disk: the state in storage, and every handoff file. */
export function storedText(kit: DialogTestKit): string {
  const memory = (kit.storage as unknown as { memory: Record<string, string | undefined> }).memory;
  const handoffFiles = readdirSync(kit.handoffsDataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  return [...Object.values(memory).filter(Boolean), ...handoffFiles].join('\n');
}

export function handoffEvents(activities: Array<Partial<Activity>>) {
  return activities.filter((a) => a.type === 'event' && a.name === 'handoff.initiate');
}

export function expectRiskReply(activities: Array<Partial<Activity>>, emergency: string, line: string) {
  const texts = messageTexts(activities);
  expect(texts[0]).toMatch(/Thank you for telling me/);
  expect(texts[1]).toContain(`In an emergency: call ${emergency}`);
  expect(texts[1]).toContain(line);
  expect(texts[texts.length - 1]).toBe('Are you having thoughts of killing yourself right now?');
  for (const text of texts) for (const prompt of CONVERSATION_PROMPTS) expect(text).not.toMatch(prompt);
  const [event] = handoffEvents(activities);
  expect(handoffEvents(activities)).toHaveLength(1);
  expect(event.value).toMatchObject({ reason: 'risk', urgency: 'immediate' });
  expect(JSON.stringify(event.value)).not.toContain('kill');
}

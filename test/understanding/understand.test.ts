// The rules of reading a reply, on examples written with the code (coverage; accuracy is the frozen set's bench).
import { Expectation, loadUnderstanding, understand } from '../../src/understanding/understand';

const CONSENT: Expectation = { kind: 'yesNo', consentCritical: true };
const SHARE: Expectation = { kind: 'choice', prompt: 'share', consentCritical: true };
const GOAL_WORK: Expectation = { kind: 'choice', prompt: 'goalWork', consentCritical: false };
const SCALE: Expectation = { kind: 'scale' };

describe('understand', () => {
  it.each([
    ['yeah go on', { kind: 'answer', value: 'yes' }],
    ['nope', { kind: 'answer', value: 'no' }],
    ['not ok', { kind: 'answer', value: 'no' }],
    ['yes but who reads it?', { kind: 'question', about: 'whoSees' }],
    ['maybe', { kind: 'unclear' }],
    ['idk what that even means', { kind: 'unclear' }],
  ])('consent: "%s"', (text, expected) => {
    expect(understand(text, CONSENT, 'en')).toEqual(expected);
  });

  it.each([
    ['share it', { kind: 'answer', value: 'share' }],
    ['please dont share', { kind: 'answer', value: 'dontShare' }],
    ['can i take something out', { kind: 'question', about: 'other' }],
    ['share it i think maybe', { kind: 'unclear' }],
    ['will my mum see it', { kind: 'question', about: 'whoSees' }],
  ])('share (an unambiguous yes only): "%s"', (text, expected) => {
    expect(understand(text, SHARE, 'en')).toEqual(expected);
  });

  it.each([
    ['lets go', { kind: 'answer', value: 'now' }],
    ['another time maybe', { kind: 'answer', value: 'later' }],
    ['pls can i speak to someone', { kind: 'command', command: 'talkToPerson' }],
    ['i want to stop', { kind: 'command', command: 'stop' }],
    ['wipe everything you have about me', { kind: 'command', command: 'deleteMyData' }],
  ])('a choice, or a command said inside a sentence: "%s"', (text, expected) => {
    expect(understand(text, GOAL_WORK, 'en')).toEqual(expected);
  });

  it.each([
    ['7', 7],
    ['like a 3 tbh', 3],
    ['8/10', 8],
    ['about five', 5],
  ])('scale: "%s" → %i', (text, value) => {
    expect(understand(text, SCALE, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each([
    ['between 3 and 4', 3],
    ['6 or 7, prob 7 actually', 7],
  ])('scale: a range is its lower number, a correction its last: "%s" → %i', (text, value) => {
    expect(understand(text, SCALE, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each(['11', 'a lot', '-2', '3.5'])('scale: "%s" is not one whole number from 0 to 10', (text) => {
    expect(understand(text, SCALE, 'en').kind).not.toBe('answer');
  });

  it('reads feeling instead of an answer as feeling, so the bot can acknowledge it first', () => {
    expect(understand('honestly i feel awful today', SCALE, 'en')).toEqual({ kind: 'feeling' });
  });

  it('free text: a real answer, "nothing" as no when the question allows it, doubt as unclear', () => {
    expect(understand('text my friend back', { kind: 'text' }, 'en')).toEqual({ kind: 'answer', value: 'text' });
    expect(understand('nothing really', { kind: 'text', nothingMeans: 'no' }, 'en')).toEqual({
      kind: 'answer',
      value: 'no',
    });
    expect(understand('no', { kind: 'text' }, 'en')).toEqual({ kind: 'unclear' });
    expect(understand('dunno', { kind: 'text' }, 'en')).toEqual({ kind: 'unclear' });
  });

  it('the direct question reads as the safety check reads it: mixed answers are not sure', () => {
    expect(understand('no. well sometimes', { kind: 'directQuestion' }, 'en')).toEqual({
      kind: 'answer',
      value: 'notSure',
    });
  });

  it("reads every language's word lists at start (English where a language has none yet)", () => {
    expect(() => loadUnderstanding()).not.toThrow();
  });

  it('an empty message is unclear', () => {
    expect(understand('  ', CONSENT, 'en')).toEqual({ kind: 'unclear' });
  });
});

// The rules of reading a reply, on examples written with the code (coverage; accuracy is the frozen set's bench).
import { Expectation, loadUnderstanding, understand } from '../../src/understanding/understand';
import type { Language } from '../../src/i18n/languages';

const CONSENT: Expectation = { kind: 'yesNo', consentCritical: true };
const DELETE: Expectation = {
  kind: 'yesNo',
  consentCritical: true,
  commandAnswers: { deleteMyData: 'yes' },
  irreversible: true,
};
const SHARE: Expectation = { kind: 'choice', prompt: 'share', consentCritical: true, yesMeans: 'share' };
const GOAL_WORK: Expectation = { kind: 'choice', prompt: 'goalWork', consentCritical: false };
const RESUME: Expectation = { kind: 'choice', prompt: 'resume', consentCritical: false };
const INVOLVED: Expectation = { kind: 'choice', prompt: 'involved', consentCritical: false };
const LIFE_AREA: Expectation = { kind: 'choice', prompt: 'lifeArea', consentCritical: false };
const PAST: Expectation = { kind: 'choice', prompt: 'pastExperience', consentCritical: false };
const DIRECT: Expectation = { kind: 'directQuestion' };
const SCALE: Expectation = { kind: 'scale' };
const NOTE: Expectation = { kind: 'text', nothingMeans: 'no' };
const ADD_ANOTHER: Expectation = { kind: 'yesNo', consentCritical: false };
const READ_BACK: Expectation = { kind: 'choice', prompt: 'readBack', consentCritical: false };

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
    ['can i take something out', { kind: 'answer', value: 'change' }],
    ['can you send it', { kind: 'question', about: 'other' }],
    ['share it i think maybe', { kind: 'unclear' }],
    ['will my mum see it', { kind: 'question', about: 'whoSees' }],
  ])('share (an unambiguous yes only): "%s"', (text, expected) => {
    expect(understand(text, SHARE, 'en')).toEqual(expected);
  });

  // Deleting everything cannot be undone: a thumbs-up or an "ok" alone does not do it; a yes in words does.
  it.each([
    ['en', '👍', { kind: 'unclear' }],
    ['en', 'ok', { kind: 'unclear' }],
    ['nb', 'k', { kind: 'unclear' }],
    ['tr', 'tamam', { kind: 'unclear' }],
    ['ur', 'acha', { kind: 'unclear' }],
    ['en', 'yes', { kind: 'answer', value: 'yes' }],
    ['en', 'yes 👍', { kind: 'answer', value: 'yes' }],
    ['en', 'ok delete it', { kind: 'answer', value: 'yes' }],
    ['nb', 'ja', { kind: 'answer', value: 'yes' }],
    ['tr', 'evet', { kind: 'answer', value: 'yes' }],
    ['ur', 'haan', { kind: 'answer', value: 'yes' }],
  ])('delete (%s): "%s"', (language, text, expected) => {
    expect(understand(text, DELETE, language as Language)).toEqual(expected);
    // Keeping answers is undone by "delete my data": there "ok" is a yes.
    if (text === 'ok') expect(understand(text, CONSENT, 'en')).toEqual({ kind: 'answer', value: 'yes' });
  });

  // Elsewhere an acknowledgement is yes enough: "ok" to "Is that right?" confirms the goal.
  it.each([
    ['en', 'ok'],
    ['ur', 'acha'],
    ['tr', 'tamam'],
    ['nb', 'ja'],
  ])('read-back, a plain yes or an acknowledgement (%s): "%s"', (language, text) => {
    const readBack: Expectation = { kind: 'choice', prompt: 'readBack', consentCritical: false, yesMeans: 'confirm' };
    expect(understand(text, readBack, language as Language)).toEqual({ kind: 'answer', value: 'confirm' });
  });

  // "Would you like me to share this?" asks yes or no: a plain yes in any language shares; a yes with anything that
  // undercuts it does not, and an emoji alone is not a yes to sharing.
  it.each([
    ['en', 'yes', { kind: 'answer', value: 'share' }],
    ['en', 'yeah', { kind: 'answer', value: 'share' }],
    ['en', 'yes please', { kind: 'answer', value: 'share' }],
    ['pt-BR', 'sim', { kind: 'answer', value: 'share' }],
    ['es', 'sí', { kind: 'answer', value: 'share' }],
    ['nb', 'ja', { kind: 'answer', value: 'share' }],
    ['tr', 'evet', { kind: 'answer', value: 'share' }],
    ['ur', 'haan', { kind: 'answer', value: 'share' }],
    ['ur', 'ہاں', { kind: 'answer', value: 'share' }],
    ['en', 'yes lol', { kind: 'unclear' }],
    ['en', 'yeah...', { kind: 'unclear' }],
    ['nb', 'ja 🙃', { kind: 'unclear' }],
    ['tr', 'evet anladim', { kind: 'unclear' }],
    ['en', '👍', { kind: 'unclear' }],
    // Only acknowledging ("ok", "I see") is not a yes to sharing.
    ['en', 'ok', { kind: 'unclear' }],
    ['ur', 'acha', { kind: 'unclear' }],
    ['ur', 'theek hai', { kind: 'unclear' }],
    ['tr', 'tamam', { kind: 'unclear' }],
    ['en', 'yeah no', { kind: 'answer', value: 'dontShare' }],
    ['en', 'yes but who sees it', { kind: 'question', about: 'whoSees' }],
  ])('share, a plain yes (%s): "%s"', (language, text, expected) => {
    expect(understand(text, SHARE, language as Language)).toEqual(expected);
    // Only where the question is asked as yes or no.
    const notYesOrNo: Expectation = { kind: 'choice', prompt: 'share', consentCritical: true };
    if (text !== 'yeah no' && !text.includes('who sees') && expected.kind === 'answer') {
      expect(understand(text, notYesOrNo, language as Language)).toEqual({ kind: 'unclear' });
    }
  });

  it.each([
    ['it has to be perfect or i start again', { kind: 'answer', value: 'text' }],
    ['take a break from my phone at night', { kind: 'answer', value: 'text' }],
    ['talk to someone at school about it', { kind: 'answer', value: 'text' }],
    ['can we take a break', { kind: 'command', command: 'stop' }],
    ['i want to delete everything you know about me', { kind: 'command', command: 'deleteMyData' }],
    ['talk to a real person', { kind: 'command', command: 'talkToPerson' }],
    ['open my safety plan', { kind: 'command', command: 'safetyPlan' }],
  ])('free text (a goal may hold a command\'s words): "%s"', (text, expected) => {
    expect(understand(text, { kind: 'text' }, 'en')).toEqual(expected);
  });

  it.each([
    ['not right now no. just sometimes', { kind: 'answer', value: 'no' }],
    ['not rn', { kind: 'answer', value: 'no' }],
    ['yes right now', { kind: 'answer', value: 'yes' }],
    ['yeah, not right now but i will later', { kind: 'answer', value: 'notSure' }],
  ])('the risk reply\'s "right now?": "%s"', (text, expected) => {
    expect(understand(text, { kind: 'directQuestion', aboutRightNow: true }, 'en')).toEqual(expected);
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

  it.each([
    ['not yet', CONSENT, { kind: 'answer', value: 'no' }],
    ['no dont', CONSENT, { kind: 'answer', value: 'no' }],
    ['who sees it?', CONSENT, { kind: 'question', about: 'whoSees' }],
    ['what happens to my data', CONSENT, { kind: 'question', about: 'whatKept' }],
    ['of course not', CONSENT, { kind: 'answer', value: 'no' }],
    ['defo not', CONSENT, { kind: 'answer', value: 'no' }],
    ['yeah no problem', CONSENT, { kind: 'answer', value: 'yes' }],
    ['yes i understand it cant be undone', DELETE, { kind: 'answer', value: 'yes' }],
    ['i wont not share it', SHARE, { kind: 'unclear' }],
    ['i dont not want it gone, i dont know', DELETE, { kind: 'unclear' }],
    ['i dont really want it sent', SHARE, { kind: 'answer', value: 'dontShare' }],
  ])('negation and questions are understood: "%s"', (text, expectation, expected) => {
    expect(understand(text, expectation, 'en')).toEqual(expected);
  });

  it.each([
    ['yes?', CONSENT],
    ['yeah ig', CONSENT],
    ['yes if i have to', CONSENT],
    ['ok as long as my mum doesnt see', CONSENT],
    ['yes later', CONSENT],
    ['sure 🙄', CONSENT],
    ['yes not my goals', DELETE],
    ['ok delete everything except my plan', DELETE],
    ['delete everything, no wait', DELETE],
    ['yeah send it tomorrow', SHARE],
    ['send it... actually dont', SHARE],
    ['you can send it if you want', SHARE],
    ['sure send it 🙃', SHARE],
  ])(
    'at a consent-critical question a yes with doubt, a condition, a delay or a take-back is not a yes: "%s"',
    (text, expectation) => {
      expect(understand(text, expectation, 'en')).toEqual({ kind: 'unclear' });
    },
  );

  it.each([
    ['fine share it i dont really care', SHARE, 'share'],
    ['yes pls delete everything', DELETE, 'yes'],
    ['can you delete everything', DELETE, 'yes'],
  ])('a clear yes stays a yes: "%s"', (text, expectation, value) => {
    expect(understand(text, expectation, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each([
    ['sometimes yeah', 'notSure'],
    ['now and then', 'notSure'],
    ['yeah sometimes', 'yes'],
    ['yeah i think', 'notSure'],
    ['kinda?', 'notSure'],
    ['yeah a lot', 'yes'],
  ])('the direct question: a yes that leads with "sometimes", or is doubted, is not sure: "%s"', (text, value) => {
    expect(understand(text, DIRECT, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each(['umm', 'whatever', 'lol'])('the direct question: "%s" says nothing, so it is asked again', (text) => {
    expect(understand(text, DIRECT, 'en')).toEqual({ kind: 'unclear' });
  });

  it.each([
    ['yeahh', CONSENT],
    ['shaer it', SHARE],
  ])('a typo never makes a consenting answer: "%s"', (text, expectation) => {
    expect(understand(text, expectation, 'en')).toEqual({ kind: 'unclear' });
  });

  it('a typo never makes a command ("forgot" is not "forget", "strat" not "start")', () => {
    expect(understand('i forgot everything', GOAL_WORK, 'en').kind).not.toBe('command');
    expect(understand('strat again', GOAL_WORK, 'en').kind).not.toBe('command');
  });

  it.each([
    ['colege', 'schoolCollegeWork'],
    ['frends', 'friends'],
    ['maths', 'schoolCollegeWork'],
    ['fix the roof', undefined],
    ['hope', undefined],
  ])(
    'reads a missing or swapped letter as the word meant, but not a real word one letter away: "%s"',
    (text, value) => {
      const got = understand(text, LIFE_AREA, 'en');
      expect(got.kind === 'answer' ? got.value : undefined).toBe(value);
    },
  );

  it.each([
    ['prob a 6 now', 6],
    ['like 7/10', 7],
    ['about a four', 4],
    ['3... no wait 5', 5],
    ['between 3 and 4', 3],
    ['4 maybe 5', 4],
    ['maybe 2', 2],
    ['maybe 4?', 4],
    ['sevn', 7],
    ['not at all tbh', 0],
  ])('scale: a number said inside a sentence, "%s" → %i', (text, value) => {
    expect(understand(text, SCALE, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each([
    ['not at all ok', { kind: 'unclear' }],
    ['is 10 the worst', { kind: 'question', about: 'other' }],
    ['somewhere in the middle?', { kind: 'unclear' }],
    ['i feel like ill never get there', { kind: 'feeling' }],
  ])('scale: "%s" is not a rating', (text, expected) => {
    expect(understand(text, SCALE, 'en')).toEqual(expected);
  });

  it.each([
    ['can we stop', GOAL_WORK, 'stop'],
    ['not now, can we stop', RESUME, 'stop'],
    ['can i just talk to a real person', GOAL_WORK, 'talkToPerson'],
    ['i want to delete everything you know about me', GOAL_WORK, 'deleteMyData'],
    ['what do u even know about me', GOAL_WORK, 'exportMyData'],
    ['can we restart', SCALE, 'startOver'],
    ['help how does this work', CONSENT, 'help'],
  ])('a command inside a sentence: "%s"', (text, expectation, command) => {
    expect(understand(text, expectation, 'en')).toEqual({ kind: 'command', command });
  });

  it.each([
    ['yes delete it all', DELETE, { kind: 'answer', value: 'yes' }],
    ['begin again', RESUME, { kind: 'answer', value: 'startOver' }],
    ['yeah lets carry on', RESUME, { kind: 'answer', value: 'carryOn' }],
    ['nah lets start again', RESUME, { kind: 'answer', value: 'startOver' }],
    ['if i start over do i lose my goals', RESUME, { kind: 'question', about: 'whatHappens' }],
    ['what happens if i delete everything', GOAL_WORK, { kind: 'question', about: 'whatHappens' }],
    ['who sees my safety plan', GOAL_WORK, { kind: 'question', about: 'whoSees' }],
    ['take out my safety plan', NOTE, { kind: 'answer', value: 'text' }],
  ])(
    'a command-like phrase that is the answer, or that is asked about, is not the command: "%s"',
    (text, expectation, expected) => {
      expect(understand(text, expectation, 'en')).toEqual(expected);
    },
  );

  it.each([
    ['me', INVOLVED, { kind: 'answer', value: 'justMe' }],
    ['me tbh', INVOLVED, { kind: 'answer', value: 'justMe' }],
    ['me and my nan', INVOLVED, { kind: 'answer', value: 'family' }],
    ['it all just stresses me out', INVOLVED, { kind: 'feeling' }],
    ['idk i feel like nobody gets me', INVOLVED, { kind: 'feeling' }],
    ['seeing friends at college', LIFE_AREA, { kind: 'answer', value: 'friends' }],
    ['school first, then friends', LIFE_AREA, { kind: 'answer', value: 'schoolCollegeWork' }],
    ['anything but school', LIFE_AREA, { kind: 'unclear' }],
    ['it wasnt unhelpful', PAST, { kind: 'answer', value: 'helpful' }],
    ['oh it was SO useful 🙄', PAST, { kind: 'answer', value: 'unhelpful' }],
    ['maybe later', GOAL_WORK, { kind: 'answer', value: 'later' }],
    ['unsure tbh', GOAL_WORK, { kind: 'answer', value: 'notSure' }],
    ['ok?', GOAL_WORK, { kind: 'unclear' }],
  ])('choices: "%s"', (text, expectation, expected) => {
    expect(understand(text, expectation, 'en')).toEqual(expected);
  });

  it.each([
    ['ugh today has been awful', { kind: 'feeling' }],
    ['im so stressed rn', { kind: 'feeling' }],
    ['im nervous about meeting her', { kind: 'answer', value: 'text' }],
    ['i get anxious on calls so text me', { kind: 'answer', value: 'text' }],
    ['can they not ask about my dad', { kind: 'answer', value: 'text' }],
    ['not sure yet', { kind: 'unclear' }],
    ['can i think about it', { kind: 'unclear' }],
    ['nothing atm', { kind: 'answer', value: 'no' }],
  ])('a note: feeling in the moment, or something for the practitioner: "%s"', (text, expected) => {
    expect(understand(text, NOTE, 'en')).toEqual(expected);
  });

  it("a safety plan's part may be a feeling: it is the answer", () => {
    const part: Expectation = { kind: 'text', nothingMeans: 'no', doubtMeansNothing: true };
    expect(understand('i feel panicky and cant sleep', part, 'en')).toEqual({ kind: 'answer', value: 'text' });
  });
});

describe('understand: slang, text-speak, polite forms and emoji', () => {
  it.each([
    ['👍👍', CONSENT, { kind: 'answer', value: 'yes' }],
    ['💯', READ_BACK, { kind: 'answer', value: 'confirm' }],
    ['yeah righto', CONSENT, { kind: 'answer', value: 'yes' }],
    ['yeah nah mate', CONSENT, { kind: 'answer', value: 'no' }],
    ["I think I'd rather not, if that's okay.", CONSENT, { kind: 'answer', value: 'no' }],
    ["i would prefer you didn't keep anything thank you", CONSENT, { kind: 'answer', value: 'no' }],
    ['yes thats fine im just really tired tonight', CONSENT, { kind: 'answer', value: 'yes' }],
    ['new start innit', RESUME, { kind: 'answer', value: 'startOver' }],
    ['yes thats rite innit', READ_BACK, { kind: 'answer', value: 'confirm' }],
    ['can we do it tmrw', GOAL_WORK, { kind: 'answer', value: 'later' }],
    ['thats enough for today innit', ADD_ANOTHER, { kind: 'answer', value: 'no' }],
    ['enough for today', ADD_ANOTHER, { kind: 'command', command: 'stop' }],
    ['it helpd tbf', PAST, { kind: 'answer', value: 'helpful' }],
    ['the mandem tbh', INVOLVED, { kind: 'answer', value: 'someoneElse' }],
    ['frens 🫂', LIFE_AREA, { kind: 'answer', value: 'friends' }],
    ['delete this goal', READ_BACK, { kind: 'answer', value: 'drop' }],
    ['nah i said mornings not evenings', READ_BACK, { kind: 'answer', value: 'edit' }],
    ['wipe it', DELETE, { kind: 'answer', value: 'yes' }],
  ])('"%s"', (text, expectation, expected) => {
    expect(understand(text, expectation, 'en')).toEqual(expected);
  });

  it.each([
    ['yeah send it tomorrow im tired', SHARE],
    ['ok but im tired, later', CONSENT],
    ['yes righto?', CONSENT],
    ['yeah righto maybe', DELETE],
  ])('a polite or slang yes is still not a yes with a delay or doubt: "%s"', (text, expectation) => {
    expect(understand(text, expectation, 'en')).toEqual({ kind: 'unclear' });
  });

  it.each([
    ["I'd prefer not to answer that one.", 'ratherNotSay'],
    ['i dont really know how to answer that', 'notSure'],
  ])('the direct question: "%s"', (text, value) => {
    expect(understand(text, DIRECT, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each([
    ['both? like my mum and my mate', INVOLVED, { kind: 'unclear' }],
    ['maybe? my mum thinks i should do one about revision', ADD_ANOTHER, { kind: 'unclear' }],
    ['cant be undone like ever?', DELETE, { kind: 'question', about: 'whatHappens' }],
    ['why goals tho', GOAL_WORK, { kind: 'question', about: 'why' }],
    ['ummm can i get back to u on that', INVOLVED, { kind: 'unclear' }],
  ])('a "?" asks about the words of its own clause only: "%s"', (text, expectation, expected) => {
    expect(understand(text, expectation, 'en')).toEqual(expected);
  });

  it.each([
    ['oh a perfect 0 obviously 🙃', { kind: 'unclear' }],
    ['somewhere between 3 and 8', { kind: 'unclear' }],
    ['6 or 7', { kind: 'answer', value: 6 }],
  ])('scale: a mocked rating or a wide range is no rating: "%s"', (text, expected) => {
    expect(understand(text, SCALE, 'en')).toEqual(expected);
  });

  it.each([
    ['i just feel rubbish', PAST, { kind: 'feeling' }],
    ['so tired man', LIFE_AREA, { kind: 'feeling' }],
    ['im just sad all the time', LIFE_AREA, { kind: 'feeling' }],
    ['my family stresses me out so much', INVOLVED, { kind: 'feeling' }],
    ['my sleep is a mess', LIFE_AREA, { kind: 'answer', value: 'sleep' }],
    ['my mum cos she gets me when im anxious', INVOLVED, { kind: 'answer', value: 'family' }],
    ['everyday stuff like getting out of bed', LIFE_AREA, { kind: 'answer', value: 'everydayThings' }],
    ['just me, my parents would make it worse', INVOLVED, { kind: 'answer', value: 'justMe' }],
  ])(
    'choices: a choice word that says how they feel, examples, a first clause: "%s"',
    (text, expectation, expected) => {
      expect(understand(text, expectation, 'en')).toEqual(expected);
    },
  );

  it.each([
    ['stressed lol', NOTE, { kind: 'feeling' }],
    ['so tired today', NOTE, { kind: 'feeling' }],
    ['idk whats useful to say', NOTE, { kind: 'unclear' }],
    ['nah all good, gotta go to work now', NOTE, { kind: 'answer', value: 'no' }],
    ['no thanks, but tell them i get nervous', NOTE, { kind: 'answer', value: 'text' }],
    ['can they text not call', NOTE, { kind: 'answer', value: 'text' }],
    ['can u pull up my safety plan', { kind: 'text' }, { kind: 'command', command: 'safetyPlan' }],
    ['erase everything u have on me', { kind: 'text' }, { kind: 'command', command: 'deleteMyData' }],
    ['take a break from my phone', { kind: 'text' }, { kind: 'answer', value: 'text' }],
    ['wipe the kitchen counter', { kind: 'text' }, { kind: 'answer', value: 'text' }],
  ])('free text: "%s"', (text, expectation, expected) => {
    expect(understand(text, expectation as Expectation, 'en')).toEqual(expected);
  });
});

// (Not the direct question: there anything but a clear no already takes the risk path, so a doubtful yes is safe.)
describe('a consenting answer is never read from a hedged, negated, deferred or questioned yes', () => {
  const YESES = ['yes', 'yeah', 'ok', 'sure', 'yep', 'go ahead', 'fine', 'share it', 'send it', 'delete it', 'do it'];
  const BEFORE = [
    'maybe ',
    'i guess ',
    'not sure ',
    'dont ',
    'not yet ',
    'idk ',
    'hmm ',
    'probably ',
    'no ',
    'no wait ',
    'no. actually ',
  ];
  const AFTER = [
    ' maybe',
    ' i guess',
    ' later',
    ' tomorrow',
    ' or not',
    '?',
    ' but who sees it',
    ' if you want',
    ' only if my mum doesnt see',
    ' if nobody else sees it',
    ' as long as its private',
    '. wait no',
    ' actually no',
    ' not yet',
    ' 🙄',
    ' what happens then',
  ];
  const replies = YESES.flatMap((yes) => [
    ...BEFORE.map((before) => before + yes),
    ...AFTER.map((after) => yes + after),
  ]);
  const QUESTIONS: Array<[string, Expectation, string]> = [
    ['consent', CONSENT, 'yes'],
    ['delete', DELETE, 'yes'],
    ['share', SHARE, 'share'],
  ];

  it.each(QUESTIONS)('at %s', (_, expectation, consenting) => {
    const accepted = replies.filter((text) => {
      const reading = understand(text, expectation, 'en');
      return reading.kind === 'answer' && reading.value === consenting;
    });
    expect(accepted).toEqual([]);
  });
});

describe('nor from a yes undercut by laughter, trailing off, said to something else, or beside the opposite action', () => {
  const UNDERCUT: Array<[Language, string, Expectation]> = [
    ['en', 'sure 💀', CONSENT],
    ['en', 'ok…', CONSENT],
    ['en', 'yeah...', DELETE],
    ['en', 'yes i understand', DELETE],
    ['en', 'yes delete it', CONSENT],
    ['en', 'yes but keep my goals', DELETE],
    ['en', 'send it 😂', SHARE],
    ['pt-BR', 'claro kkkkk', CONSENT],
    ['pt-BR', 'sim eu sei', DELETE],
    ['pt-BR', 'sim, guarda tudo', DELETE],
    ['es', 'vale 🤡', DELETE],
    ['es', 'sí, bórralo', CONSENT],
    ['es', 'sí, lo entiendo', DELETE],
    ['nb', 'ja slett det', CONSENT],
    ['nb', 'greit…', CONSENT],
    ['tr', 'evet sil', CONSENT],
    ['tr', 'evet biliyorum', DELETE],
    ['ur', 'ہاں رکھ لو', DELETE],
    ['ur', 'haan delete kar do', CONSENT],
    ['ur', 'ہاں مجھے سمجھ آ گیا', DELETE],
    ['en', 'oh yeah great idea, keep it all forever', CONSENT],
    ['en', 'i said yes to an app once and regretted it', CONSENT],
    ['en', 'ok ty', DELETE],
    ['pt-BR', 'pode ser', CONSENT],
    ['es', 'vale gracias', DELETE],
    ['es', 'claro, mándaselo a todo el mundo', SHARE],
    ['nb', 'ja send det til hele klassen', SHARE],
    ['tr', 'annem izin verirse olur', CONSENT],
    ['tr', 'super sil harika', DELETE],
    ['ur', 'امی کہتی ہیں کرنا پڑے گا، تو ٹھیک ہے', DELETE],
  ];

  it.each(UNDERCUT)('%s: "%s" is not a consenting answer', (language, text, expectation) => {
    const reading = understand(text, expectation, language);
    const consenting = expectation === SHARE ? 'share' : 'yes';
    expect(reading).not.toEqual({ kind: 'answer', value: consenting });
  });

  it.each([
    ['en', 'yes i understand it cant be undone', DELETE],
    ['en', 'yes', CONSENT],
    ['en', 'sure why not', CONSENT],
    ['en', 'yes please delete it all, thank you', DELETE],
    ['pt-BR', 'sim pode apagar tudo', DELETE],
    ['es', 'sí, guárdalas', CONSENT],
    ['tr', 'evet sakla', CONSENT],
    ['ur', 'haan save kar lo', CONSENT],
  ] as Array<[Language, string, Expectation]>)('%s: "%s" still is', (language, text, expectation) => {
    expect(understand(text, expectation, language)).toEqual({ kind: 'answer', value: 'yes' });
  });
});

describe('understand: changes of mind, conditions, questions about the bot, scales and nothing to add', () => {
  it.each([
    ['yeah. wait no actually', CONSENT, { kind: 'answer', value: 'no' }],
    ['share it. actually no dont', SHARE, { kind: 'answer', value: 'dontShare' }],
    ['carry on. actually no start again', RESUME, { kind: 'answer', value: 'startOver' }],
    ['no wait yeah lets do another', ADD_ANOTHER, { kind: 'answer', value: 'yes' }],
    // Changing their mind towards the consenting answer is only unclear: asked again plainly.
    ['no. actually yes', CONSENT, { kind: 'unclear' }],
    ['dont share it. wait actually share it', SHARE, { kind: 'unclear' }],
    // "actually" that changes nothing is not a change of mind.
    ['yes actually thats fine', ADD_ANOTHER, { kind: 'answer', value: 'yes' }],
  ])('a change of mind: "%s" is the later answer', (text, expectation, expected) => {
    expect(understand(text, expectation, 'en')).toEqual(expected);
  });

  it.each([
    ['ye if nobody else sees it', CONSENT, { kind: 'unclear' }],
    ['share it as long as my mum doesnt see', SHARE, { kind: 'unclear' }],
    ['yes if thats ok', CONSENT, { kind: 'answer', value: 'yes' }],
    ['yeah keep them thats fine, my coach gets annoyed if im late tho', CONSENT, { kind: 'answer', value: 'yes' }],
    ['i am not wanting this right now', CONSENT, { kind: 'answer', value: 'no' }],
  ])('a condition on a consenting yes: "%s"', (text, expectation, expected) => {
    expect(understand(text, expectation, 'en')).toEqual(expected);
  });

  it('"r u a real person or a bot" asks about the bot; "can i talk to a real person" asks for one', () => {
    expect(understand('r u a real person or a bot', CONSENT, 'en')).toEqual({ kind: 'question', about: 'other' });
    expect(understand('can i talk to a real person', CONSENT, 'en')).toEqual({
      kind: 'command',
      command: 'talkToPerson',
    });
  });

  it.each([
    ['id say im at about a five out of ten tbh', 5],
    ['3-4', 3],
    ['ten out of ten', 10],
    ['7/10', 7],
  ])('scale: "%s" is %d', (text, value) => {
    expect(understand(text, SCALE, 'en')).toEqual({ kind: 'answer', value });
  });

  it('"cant think of anything" to "anything to add?" is nothing to add; to a first step it is no step yet', () => {
    expect(understand('cant think of anything', NOTE, 'en')).toEqual({ kind: 'answer', value: 'no' });
    expect(understand('I do not have anything to add, thank you', NOTE, 'en')).toEqual({
      kind: 'answer',
      value: 'no',
    });
    expect(understand('cant think of anything', { kind: 'text' }, 'en')).toEqual({ kind: 'unclear' });
  });

  it('"can i skip this question" to the direct question is "I\'d rather not say", not a question', () => {
    expect(understand('can i skip this question', DIRECT, 'en')).toEqual({ kind: 'answer', value: 'ratherNotSay' });
    expect(understand("i don't want to talk about that", DIRECT, 'en')).toEqual({
      kind: 'answer',
      value: 'ratherNotSay',
    });
  });

  it('a choice offered only sometimes is read only when offered', () => {
    const titles = { startOver: 'Start a new check-in', talkToPerson: 'Talk to a person' };
    const offered: Expectation = {
      kind: 'choice',
      prompt: 'afterGoodbye',
      titles: { ...titles, withdrawShare: 'Take my summary back' },
      consentCritical: false,
    };
    expect(understand('i changed my mind', offered, 'en')).toEqual({ kind: 'answer', value: 'withdrawShare' });
    const notOffered: Expectation = { kind: 'choice', prompt: 'afterGoodbye', titles, consentCritical: false };
    expect(understand('i changed my mind', notOffered, 'en')).not.toEqual({ kind: 'answer', value: 'withdrawShare' });
  });
});

describe('understand: counts, settling, sentences, indirect questions and commands in passing', () => {
  it.each([
    ['i slept about 6 hours last night', { kind: 'unclear' }],
    ['like 40 percent so 4', { kind: 'answer', value: 4 }],
    ['5 or 6, lets say 6', { kind: 'answer', value: 6 }],
    ['six, sorry, no, five', { kind: 'answer', value: 5 }],
    ['a one ngl', { kind: 'answer', value: 1 }],
    ['this one is hard', { kind: 'unclear' }],
  ])('scale: "%s"', (text, expected) => {
    expect(understand(text, SCALE, 'en')).toEqual(expected);
  });

  it('a choice named again in the last clause is where they settled; a new one there is not', () => {
    expect(understand('friends or sleep, sleep i think', LIFE_AREA, 'en')).toEqual({ kind: 'answer', value: 'sleep' });
    expect(understand('just me, my parents would make it worse', INVOLVED, 'en')).toEqual({
      kind: 'answer',
      value: 'justMe',
    });
  });

  it('a question starting a later sentence asks; one after doubt in words does not; one after "hmm" does', () => {
    expect(understand('wallahi if this gets back to my social worker... who even reads this', CONSENT, 'en')).toEqual({
      kind: 'question',
      about: 'whoSees',
    });
    expect(understand("i'm not really sure how to answer that", DIRECT, 'en')).toEqual({
      kind: 'answer',
      value: 'notSure',
    });
    expect(understand('hmm what happens then', DELETE, 'en')).toEqual({ kind: 'question', about: 'whatHappens' });
  });

  it.each([
    ['this is long, can we stop', 'stop'],
    ['nah start this whole thing again', 'startOver'],
    ['pause, my mum needs me', 'stop'],
    ['put me thru to a real person', 'talkToPerson'],
  ])('free text: "%s" is the command %s', (text, command) => {
    expect(understand(text, { kind: 'text' }, 'en')).toEqual({ kind: 'command', command });
  });

  it.each(['stop scrolling tiktok at night', 'take a break from my phone after school', 'ask my teacher for help'])(
    'free text: "%s" is still a first step',
    (text) => {
      expect(understand(text, { kind: 'text' }, 'en')).toEqual({ kind: 'answer', value: 'text' });
    },
  );

  it('a request to the practitioner anywhere in a note is the note, not a question', () => {
    expect(understand('i get really anxious in waiting rooms so could we meet somewhere quiet', NOTE, 'en')).toEqual({
      kind: 'answer',
      value: 'text',
    });
  });

  it('Scots negation and "right now" never make a yes or a "now"', () => {
    expect(understand('dinnae send it please', SHARE, 'en')).toEqual({ kind: 'answer', value: 'dontShare' });
    expect(understand('not right now, sorry', GOAL_WORK, 'en')).toEqual({ kind: 'answer', value: 'later' });
    expect(understand("i'm really overwhelmed right now", GOAL_WORK, 'en')).toEqual({ kind: 'feeling' });
  });
});

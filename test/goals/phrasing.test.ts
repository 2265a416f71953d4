// The phrasing helper: goal shapes, the one reflective question, and personal phrasings built from the answer.
import { goalsLocaleSchema, parseLocaleData } from '../../src/goals/localeData';
import {
  classifyGoal,
  GoalShape,
  phrasingFromAnswer,
  reflectiveQuestion,
  suggestPersonalPhrasing,
} from '../../src/goals/phrasing';
import { readLocaleFile } from '../../src/i18n';

describe('classifyGoal', () => {
  it.each<[string, GoalShape[]]>([
    // school/work-shaped
    ['pass my exams', ['school_work']],
    ['Get better GRADES!!', ['school_work']],
    ['go to college every day', ['school_work']],
    ['get a job', ['school_work']],
    ['be productive', ['school_work']],
    ['get stuff done', ['school_work']],
    ['revise for my A-levels', ['school_work']],
    // feelings around school are personal: the personal word wins
    ['feel calmer walking into exams', []],
    ['feel less sick before school', []],
    ['be less worried about my GCSEs', []],
    ['make friends at uni', []],
    // "work out" is not work
    ['work out at the gym twice a week', []],
    // negative
    ['stop being useless', ['negative']],
    ['not be so lazy', ['negative']],
    ['stop being a failure', ['negative']],
    ['not be annoying', ['negative']],
    // a trait word about things, not about being, is not self-criticism
    ['tidy my room so its less of a mess', []],
    ['not feel weird eating in front of people', []],
    // words that are often about something else are never read as self-criticism
    ['be there for my baby', []],
    ['not be in a bad mood all day', []],
    ['be less freaked out by crowds', []],
    ['be able to take a joke', []],
    ['stop being a bad friend', ['negative']],
    ['stop being such a joke', ['negative']],
    // vague
    ['be better', ['vague']],
    ['be happy', ['vague']],
    ['idk', ['vague']],
    ['sort my life out', ['vague']],
    ['be normal', ['vague']],
    ['change', ['vague']],
    ['', ['vague']],
    ['be happier at home', []],
    // too big
    ['fix everything', ['vague', 'too_big']],
    ['never be anxious again', ['too_big']],
    ['be happy all the time', ['vague', 'too_big']],
    ['completely change my life', ['vague', 'too_big']],
    ['get over my depression', ['too_big']],
    ['get over my ex', []],
    // routines are small steps, not absolutes
    ['go for a walk every day', []],
    // several shapes, in a fixed order
    ['stop being lazy with my homework', ['school_work', 'negative']],
    ['never miss a day of school again', ['school_work', 'too_big']],
    // inflections: a listed word matches its regular endings, one way only
    ['stop getting detentions', ['school_work']],
    ['passing my driving tests', ['school_work']],
    ['revising for my mocks', ['school_work']],
    ['studied for the quiz', ['school_work']],
    ['worked out at the gym', []],
    ['sat with my friends at lunch', []],
    // grades written as letters and numbers, and rank
    ['get an A in chemistry', ['school_work']],
    ['get a B on my next essay', ['school_work']],
    ['get my D up to a C', ['school_work']],
    ['get As and Bs this year', ['school_work']],
    ['a 7 in english', ['school_work']],
    ['get a 6 or higher', ['school_work']],
    ['keep my gpa above 3.0', ['school_work']],
    ['improve my class rank', ['school_work']],
    ['finish top 5 in my year', ['school_work']],
    ['get a 10 minute walk in', []],
    ['run a 5k in under 30 mins', []],
    // exams of each country
    ['pass the abitur', ['school_work']],
    ['get 700 on the enem', ['school_work']],
    ['pass the vestibular', ['school_work']],
    ['get into uni with my ebau mark', ['school_work']],
    ['pass selectividad', ['school_work']],
    ['do well in the yks', ['school_work']],
    ['get good lgs points', ['school_work']],
    ['get 85% in matric', ['school_work']],
    ['pass my fsc', ['school_work']],
    ['get 1400 on the sat', ['school_work']],
    ['do well in my eksamen', ['school_work']],
    ['pass my o levels', ['school_work']],
    // school discipline
    ['stay off report', ['school_work']],
    ['not get excluded again', ['school_work']],
    ['get no behaviour points this week', ['school_work']],
    ['stop getting sent to isolation', ['school_work']],
    ['stop isolating myself', []],
    // driving and apprenticeships
    ['get my learners permit', ['school_work']],
    ['pass my theory', ['school_work']],
    ['book my road test', ['school_work']],
    ['start a plumbing apprenticeship', ['school_work']],
    // feelings, people and coping around school or work stay personal
    ['not cry when i get my gcse results', []],
    ['keep my hands from shaking in exams', []],
    ['be less nervous about my driving lessons', []],
    ['hang out with someone from my apprenticeship', []],
    ['get used to my new school', []],
    ['go to my guitar lessons', []],
  ])('%j → %j', (text, shapes) => {
    expect(classifyGoal(text, 'en')).toEqual(shapes);
  });

  it('uses English rules for a language with no goals.json yet', () => {
    expect(classifyGoal('pass my exams', 'nb')).toEqual(['school_work']);
  });
});

describe('reflectiveQuestion', () => {
  it.each<[GoalShape[], string]>([
    [['school_work'], 'If that went well, what would be different for you? How would you feel?'],
    [['negative'], "If you weren't being so hard on yourself, what would you like to be doing or feeling instead?"],
    [['vague'], "What's one thing that would tell you things were a bit better?"],
    [['too_big'], "That's a big one. What would a first small sign of it look like?"],
  ])('%j asks its own question', (shapes, question) => {
    expect(reflectiveQuestion(shapes, 'en')).toBe(question);
  });

  it.each<[GoalShape[], GoalShape]>([
    [['school_work', 'negative'], 'negative'],
    [['negative', 'too_big'], 'negative'],
    [['school_work', 'too_big'], 'school_work'],
    [['vague', 'too_big'], 'too_big'],
    [['too_big', 'vague'], 'too_big'],
  ])('asks one question for %j: the %s one', (shapes, winner) => {
    expect(reflectiveQuestion(shapes, 'en')).toBe(reflectiveQuestion([winner], 'en'));
  });

  it('asks a gentle next-step question for a personal goal', () => {
    const question = reflectiveQuestion([], 'en');
    expect(question).toMatch(/\?$/);
    for (const shape of ['school_work', 'negative', 'vague', 'too_big'] as const) {
      expect(question).not.toBe(reflectiveQuestion([shape], 'en'));
    }
  });

  it('asks, never tells or refuses', () => {
    for (const shapes of [[], ['school_work'], ['negative'], ['vague'], ['too_big']] as GoalShape[][]) {
      const question = reflectiveQuestion(shapes, 'en');
      expect(question).toMatch(/\?$/);
      expect(question).not.toMatch(/\b(no|not allowed|can't|cannot|should|must|wrong|instead of that)\b/i);
    }
  });
});

describe('suggestPersonalPhrasing', () => {
  it.each<[string, string, string]>([
    // the spec's example: scaffolding off, topic joined back
    ['pass my exams', "I'd feel calmer", 'feel calmer about exams'],
    ['pass my exams', 'I would feel calmer', 'feel calmer about exams'],
    ['pass my exams', 'i think id feel calmer tbh', 'feel calmer about exams'],
    ['pass my GCSEs', 'maybe I would feel more relaxed', 'feel more relaxed about GCSEs'],
    ['pass my maths exam', 'feel proud', 'feel proud about my exam'],
    ['go to school more', "I'd feel less sick", 'feel less sick at school'],
    ['get a job', 'I would feel more confident', 'feel more confident at work'],
    ['tell my mum when im stressed', 'i would feel less alone i guess', 'feel less alone with my mum'],
    // not a feeling: a topic would not fit, so their words alone
    ['get a job', 'I could move out', 'move out'],
    ['get a job', "I'd have my own money", 'have my own money'],
    // the answer already says where or what
    ['pass my exams', 'I would feel calmer walking into the exam hall', 'feel calmer walking into the exam hall'],
    ['pass my exams', "I'd be less stressed about everything", 'feel less stressed about everything'],
    ['get better grades', 'feel calmer at school', 'feel calmer at school'],
    // no topic in the original goal
    ['be better', "I'd be able to go out with my friends", 'go out with my friends'],
    ['stop being useless', "I'd like myself more", 'like myself more'],
    ['be happy', 'probably I would sleep better', 'sleep better'],
    ['not be so lazy', "I'll get up before 10", 'get up before 10'],
    // their negative turned around without losing their words
    ['pass my exams', "I wouldn't be so stressed", 'not be so stressed'],
    ['get a job', "I wouldn't have to ask my dad for money", 'not have to ask my dad for money'],
    // capital letters: lower case first, except I and acronyms
    ['be better', 'Sleep properly', 'sleep properly'],
    ['be better', 'I could go out', 'go out'],
    ['be better', 'well I think PE would be less scary', 'PE would be less scary'],
    ['be better', "I'm not crying every night", "I'm not crying every night"],
    // first sentence only, trailing afterthoughts and punctuation off
    ['be better', "I'd text my friends back. They'd stop worrying. Idk", 'text my friends back'],
    ['be better', 'go to the park with my dog lol!!', 'go to the park with my dog'],
    // long answers are cut at a clause break
    [
      'pass my exams',
      'Id be able to relax and sleep properly without worrying about everything all the time and my mum would stop asking',
      'relax and sleep properly without worrying about everything all the time',
    ],
  ])('%j + %j → %j', (goal, answer, expected) => {
    expect(suggestPersonalPhrasing(goal, answer, 'en')).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['pass my exams', 'i think', 'i think'],
    ['pass my exams', "I'd", "I'd"],
    ['pass my exams', '  idk  ', 'idk'],
    ['pass my exams', '   ', 'pass my exams'],
  ])('falls back to their own text: %j + %j → %j', (goal, answer, expected) => {
    expect(suggestPersonalPhrasing(goal, answer, 'en')).toBe(expected);
  });

  it('is never empty for any answer with something in it', () => {
    const answers = ['?', '...', '😅', 'I', "I'd be able to", 'maybe', 'like', 'and', 'i guess lol', 'ok.', '-'];
    for (const answer of answers) {
      expect(suggestPersonalPhrasing('pass my exams', answer, 'en').trim()).not.toBe('');
    }
  });

  it('throws rather than invent words when there is nothing of theirs', () => {
    expect(() => suggestPersonalPhrasing(' ', '', 'en')).toThrow(RangeError);
  });

  it('keeps it short', () => {
    const answer = `I would ${'really really '.repeat(20)}feel calmer`;
    expect(suggestPersonalPhrasing('pass my exams', answer, 'en').split(/\s+/).length).toBeLessThanOrEqual(12);
  });
});

describe('phrasingFromAnswer: a feeling answer is something to build on', () => {
  it.each<[string, string, string]>([
    // the commonest answers to "If that went well, what would be different for you? How would you feel?"
    ['pass my driving test', "i'd be happier", 'feel happier about my driving test'],
    ['pass my driving test', "i'd be less stressed", 'feel less stressed about my driving test'],
    ['pass my driving test', "I'd be proud of myself", 'feel proud of myself for my driving test'],
    ['pass my driving test', 'calmer', 'feel calmer about my driving test'],
    ['pass my driving test', 'more confident', 'feel more confident about my driving test'],
    ['pass my exams', "i'd be happier", 'feel happier about exams'],
    ['pass my exams', 'less stressed', 'feel less stressed about exams'],
    ['pass my exams', 'proud of myself', 'feel proud of myself for exams'],
    ['get a job', "I'd be happier", 'feel happier at work'],
    ['get a job', "i'd be more confident", 'feel more confident at work'],
    ['get an A in maths', 'I would be so much calmer', 'feel so much calmer in maths'],
    ['get a 7 in english', 'i think id be less anxious tbh', 'feel less anxious in english'],
    ['improve my class rank', "i'd be proud of myself", 'feel proud of myself for my class rank'],
    ['finish my apprenticeship', 'relieved', 'feel relieved at work'],
    ['go to college more', 'idk maybe id be happier', 'feel happier at college'],
    // inflected goals: the topic is found in whatever form they typed it
    ['passing my exams', "i'd be less stressed", 'feel less stressed about exams'],
    ['passed my theory', "I'd be proud of myself", 'feel proud of myself for my theory'],
    ['stop getting detentions', "i'd be calmer", 'feel calmer at school'],
    ['stop getting detentions', 'less stressed', 'feel less stressed at school'],
    ['go to all my lessons', 'happier i guess', 'feel happier in lessons'],
    // no topic in the goal: the feeling alone
    ['be better', "i'd be happier", 'feel happier'],
    ['be better', 'proud of myself', 'feel proud of myself'],
    // not a feeling, or someone else's: their words, no topic
    ['pass my driving test', 'my mum would be proud', 'my mum would be proud'],
    ['get a job', "I'd be better at saving", 'be better at saving'],
    ['pass my driving test', "i'd calm down", 'calm down about my driving test'],
  ])('%j + %j → %j', (goal, answer, expected) => {
    expect(phrasingFromAnswer(goal, answer, 'en')).toBe(expected);
  });

  it('gives the same phrasing as suggestPersonalPhrasing when there is something to build on', () => {
    expect(phrasingFromAnswer('pass my exams', "I'd feel calmer", 'en')).toBe(
      suggestPersonalPhrasing('pass my exams', "I'd feel calmer", 'en'),
    );
  });

  it.each([
    'idk',
    'IDK',
    'dunno',
    'nothing',
    'no',
    'No.',
    'nah',
    'i dont know',
    "I don't know tbh",
    'not sure',
    'nothing really',
    'nothing would change',
    '?',
    '',
    '   ',
    "I'd",
  ])('%j has nothing to build on: no phrasing', (answer) => {
    expect(phrasingFromAnswer('pass my driving test', answer, 'en')).toBeUndefined();
  });

  it('builds on an answer that starts unsure but says something', () => {
    expect(phrasingFromAnswer('pass my driving test', 'no idea, maybe i would be less stressed', 'en')).toBe(
      'feel less stressed about my driving test',
    );
    expect(phrasingFromAnswer('get a job', 'no more money worries', 'en')).toBe('no more money worries');
  });
});

describe('goals.json', () => {
  const english = readLocaleFile<Record<string, unknown>>('en', 'goals');
  const copy = (): Record<string, Record<string, unknown>> => JSON.parse(JSON.stringify(english)) as never;

  it('is valid', () => {
    expect(() => parseLocaleData(goalsLocaleSchema, english, 'locales/en/goals.json')).not.toThrow();
  });

  it('names the file and the field when a question is missing', () => {
    const data = copy();
    delete data.questions.vague;
    expect(() => parseLocaleData(goalsLocaleSchema, data, 'locales/xx/goals.json')).toThrow(
      /^locales\/xx\/goals\.json is invalid at questions\.vague/,
    );
  });

  it('refuses a question order that leaves a shape out', () => {
    const data = copy();
    data.questions.order = ['negative', 'school_work', 'too_big'];
    expect(() => parseLocaleData(goalsLocaleSchema, data, 'locales/xx/goals.json')).toThrow(
      /questions\.order: must list each of/,
    );
  });

  it('refuses a topic template without {{answer}}', () => {
    const data = copy();
    (data.phrasing.topics as { template: string }[])[0].template = 'about {{word}}';
    expect(() => parseLocaleData(goalsLocaleSchema, data, 'locales/xx/goals.json')).toThrow(
      /phrasing\.topics\.0\.template: must contain \{\{answer\}\}/,
    );
  });
});

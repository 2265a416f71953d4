// The phrasing helper: goal shapes, the one reflective question, and personal phrasings built from the answer.
import { goalsLocaleSchema, parseLocaleData } from '../../src/goals/localeData';
import { classifyGoal, GoalShape, reflectiveQuestion, suggestPersonalPhrasing } from '../../src/goals/phrasing';
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
    ['pass my exams', "I'd be less stressed about everything", 'be less stressed about everything'],
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

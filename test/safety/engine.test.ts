// The matching engine's rules, checked with a tiny made-up lexicon so they do not depend on any language's word lists.
import {
  combineDetections,
  compileSafetyLexicon,
  detectSignals,
  KIND_LEVEL,
  SIGNAL_KINDS,
  SignalKind,
} from '../../src/safety';
import type { SafetyLexiconFile } from '../../src/safety/lexicon';

type KindPhrases = Partial<Record<SignalKind, string[]>>;

function testLexicon(kinds: KindPhrases, extra: Partial<SafetyLexiconFile> = {}) {
  // Kinds a test does not care about get a nonsense word, so they never match.
  const kindEntries = {} as SafetyLexiconFile['kinds'];
  for (const kind of SIGNAL_KINDS) {
    kindEntries[kind] = { patterns: kinds[kind] ?? [`zz${kind.replace(/_/g, '')}`], slang: [], misspellings: [] };
  }
  const data: SafetyLexiconFile = {
    _meta: { language: 'en', note: 'test lexicon' },
    settings: { maxGap: 2 },
    spellings: { im: 'i am', dont: 'do not', u: 'you' },
    fillers: ['really', 'just', 'so'],
    groups: { self: ['myself', 'my self'] },
    negation: {
      negatorsBefore: ['not', 'never'],
      negatorsAfter: ['nope'],
      window: 2,
      blockers: ['want'],
      hedges: ['maybe', 'probably'],
    },
    kinds: kindEntries,
    idioms: ['killing me'],
    denials: ['zzdenial'],
    uncertain: ['zzuncertain'],
    benign: ['cut my hair'],
    ...extra,
  };
  return compileSafetyLexicon(data, 'en', 'test.json');
}

function kindsOf(text: string, lexicon: ReturnType<typeof testLexicon>): SignalKind[] {
  return detectSignals(text, lexicon).signals.map((signal) => signal.kind);
}

describe('kinds and levels', () => {
  it('has the four risk kinds of the safety contract and five concern kinds', () => {
    expect(SIGNAL_KINDS.filter((kind) => KIND_LEVEL[kind] === 'risk')).toEqual([
      'suicidal_thoughts',
      'self_harm',
      'abuse',
      'immediate_danger',
    ]);
    expect(SIGNAL_KINDS.filter((kind) => KIND_LEVEL[kind] === 'concern')).toEqual([
      'high_distress',
      'hopelessness',
      'overthinking',
      'perfectionism',
      'negative_goal_experience',
    ]);
  });
});

describe('phrase syntax', () => {
  it('matches words in order and next to each other, on word boundaries', () => {
    const lexicon = testLexicon({ suicidal_thoughts: ['kill @self'] });
    expect(kindsOf('I will kill myself', lexicon)).toEqual(['suicidal_thoughts']);
    expect(kindsOf('kill my self', lexicon)).toEqual(['suicidal_thoughts']);
    expect(kindsOf('kill the spider myself', lexicon)).toEqual([]);
    expect(kindsOf('skill myself', lexicon)).toEqual([]);
    expect(kindsOf('myself kill', lexicon)).toEqual([]);
  });

  it('lets "..." skip up to maxGap words', () => {
    const lexicon = testLexicon({ suicidal_thoughts: ['kill ... myself'] });
    expect(kindsOf('kill my stupid self myself', lexicon)).toEqual([]);
    expect(kindsOf('kill her and myself', lexicon)).toEqual(['suicidal_thoughts']);
    expect(kindsOf('kill myself', lexicon)).toEqual(['suicidal_thoughts']);
  });

  it('supports a|b, (x y / z), [optional], prefix* and @groups', () => {
    const lexicon = testLexicon({
      self_harm: ['cut|burn @self'],
      abuse: ['(my dad / he) hits me'],
      hopelessness: ['no [more] hope'],
      suicidal_thoughts: ['suicid*'],
    });
    expect(kindsOf('i burn myself', lexicon)).toEqual(['self_harm']);
    expect(kindsOf('my dad hits me', lexicon)).toEqual(['abuse']);
    expect(kindsOf('he hits me', lexicon)).toEqual(['abuse']);
    expect(kindsOf('dad hits me', lexicon)).toEqual([]);
    expect(kindsOf('no hope', lexicon)).toEqual(['hopelessness']);
    expect(kindsOf('no more hope', lexicon)).toEqual(['hopelessness']);
    expect(kindsOf('feeling suicidal', lexicon)).toEqual(['suicidal_thoughts']);
  });

  it('tolerates one typo on words marked ~ (missing, extra, wrong or swapped letter), and only there', () => {
    const lexicon = testLexicon({ suicidal_thoughts: ['~suicidal'], hopelessness: ['hopeless'] });
    for (const typo of ['sucidal', 'suicidall', 'suicidsl', 'suicidla']) {
      expect(kindsOf(`im ${typo}`, lexicon)).toEqual(['suicidal_thoughts']);
    }
    expect(kindsOf('suicdl', lexicon)).toEqual([]);
    expect(kindsOf('hopeles', lexicon)).toEqual([]);
  });

  it('ignores filler words and applies spellings, in messages and in phrases alike', () => {
    const lexicon = testLexicon({ suicidal_thoughts: ["I'm so done with life"], high_distress: ['u scare me'] });
    expect(kindsOf('im really just done with life', lexicon)).toEqual(['suicidal_thoughts']);
    expect(kindsOf('I AM DONE WITH LIFE', lexicon)).toEqual(['suicidal_thoughts']);
    expect(kindsOf('you scare me', lexicon)).toEqual(['high_distress']);
  });

  it('matches stretched, leetspeak and zero-width-split words', () => {
    const lexicon = testLexicon({ suicidal_thoughts: ['kill @self'] });
    for (const text of ['KILLLLL MYSELFFFF', 'kiiiill myself', 'k1ll mys3lf', 'ki11 myself', 'k\u200Bill myself']) {
      expect(kindsOf(text, lexicon)).toEqual(['suicidal_thoughts']);
    }
  });

  it('matches emoji written in a phrase', () => {
    const lexicon = testLexicon({ immediate_danger: ['took 💊'] });
    expect(kindsOf('took 💊💊💊💊', lexicon)).toEqual(['immediate_danger']);
  });
});

describe('negation', () => {
  const lexicon = testLexicon({
    suicidal_thoughts: ['kill @self', 'want to live'],
    self_harm: ['hurt @self'],
    high_distress: ['overwhelmed'],
  });

  it('never silences a risk phrase, whatever comes before or after it', () => {
    for (const text of [
      "I'm not going to kill myself… probably",
      'I never want to kill myself',
      "I don't want to live anymore",
      "I won't hurt myself, maybe",
      'not not not hurt myself',
    ]) {
      expect(detectSignals(text, lexicon).level).toBe('risk');
    }
  });

  it('lets a negator just before a concern phrase cancel it', () => {
    expect(detectSignals("I'm not overwhelmed", lexicon).level).toBe('none');
    expect(detectSignals('never feel overwhelmed', lexicon).level).toBe('none');
  });

  it('keeps the concern when the negator is further away than the window', () => {
    expect(detectSignals('not sure why i feel this overwhelmed', lexicon).level).toBe('concern');
  });

  it('keeps the concern when a blocker shows the negation is about something else', () => {
    expect(detectSignals("I don't want overwhelmed", lexicon).level).toBe('concern');
  });

  it('keeps the concern when the message hedges anywhere', () => {
    expect(detectSignals("I'm not overwhelmed, maybe", lexicon).level).toBe('concern');
  });

  it('supports negators that follow the phrase (Turkish "değilim", Urdu "nahi"), within the window', () => {
    expect(detectSignals('overwhelmed nope', lexicon).level).toBe('none');
    expect(detectSignals('overwhelmed a b nope', lexicon).level).toBe('none');
    expect(detectSignals('overwhelmed a b c nope', lexicon).level).toBe('concern');
    expect(detectSignals('hurt myself nope', lexicon).level).toBe('risk');
  });

  it('never lets a negator reach across a clause boundary, before or after the phrase', () => {
    for (const text of [
      'not, overwhelmed',
      'never. overwhelmed',
      'not! overwhelmed',
      'not?\noverwhelmed',
      'not، overwhelmed',
      'not۔ overwhelmed',
      'overwhelmed. nope',
      'overwhelmed، nope',
    ]) {
      expect(detectSignals(text, lexicon).level).toBe('concern');
    }
    // Within one clause, as before.
    expect(detectSignals('not overwhelmed, nope', lexicon).level).toBe('none');
    expect(detectSignals('so tired. overwhelmed nope', lexicon).level).toBe('none');
  });

  it('lets a blocker on the far side of the negator cancel it ("jeg vil ikke føle meg…", "…nahi karna chahta")', () => {
    expect(detectSignals('want not overwhelmed', lexicon).level).toBe('concern');
    expect(detectSignals('overwhelmed nope want', lexicon).level).toBe('concern');
    expect(detectSignals('want a b c not overwhelmed', lexicon).level).toBe('none');
  });
});

describe('idioms and benign uses', () => {
  const lexicon = testLexicon(
    { suicidal_thoughts: ['kill @self', 'kill me'], self_harm: ['cut my'], overthinking: ['what ifs'] },
    { idioms: ['killing me', 'is killing me', 'homework will kill me'], benign: ['cut my hair'] },
  );

  it('places a risk phrase lying wholly inside an idiom away: not risk, never silent (the check becomes unsure)', () => {
    expect(detectSignals('this homework will kill me', lexicon)).toEqual({
      level: 'none',
      signals: [],
      gentleCheck: true,
      riskPlacedAway: true,
      unplacedWords: false,
      concernEvidence: [],
    });
  });

  it('never hides a risk phrase elsewhere in the same message', () => {
    const detection = detectSignals('this homework is killing me and I want to kill myself', lexicon);
    expect(detection.level).toBe('risk');
    expect(detection.gentleCheck).toBe(false);
    expect(detectSignals('homework will kill me. please kill me', lexicon).level).toBe('risk');
  });

  it('does not explain away a risk phrase that only partly overlaps an idiom', () => {
    expect(detectSignals('you kill me', lexicon).level).toBe('risk');
    expect(detectSignals('cut my hair and cut my arm', lexicon).level).toBe('risk');
  });

  it('explains away benign uses silently, without a gentle check or doubt', () => {
    expect(detectSignals('I want to cut my hair', lexicon)).toMatchObject({
      level: 'none',
      signals: [],
      gentleCheck: false,
      riskPlacedAway: false,
    });
  });

  it('keeps concern alongside an idiom and still offers the gentle check', () => {
    expect(detectSignals('the what ifs are killing me', lexicon)).toMatchObject({
      level: 'concern',
      signals: [{ kind: 'overthinking', level: 'concern' }],
      gentleCheck: true,
    });
  });
});

describe('doubt: risk phrases placed away by a denial, and words no phrase places', () => {
  const lexicon = testLexicon(
    { suicidal_thoughts: ['kill @self', 'want to die'], hopelessness: ['hopeless'] },
    { uncertain: ['die', 'death'], idioms: ['die of embarrassment'], denials: ['i would never kill @self'] },
  );

  it('a risk phrase inside a denial is placed away, not silenced', () => {
    expect(detectSignals('I would never kill myself', lexicon)).toMatchObject({ level: 'none', riskPlacedAway: true });
  });

  it('a negator outside a denial never touches a risk phrase', () => {
    expect(detectSignals('I do not know, I want to die', lexicon).level).toBe('risk');
  });

  it('a denial never reaches across a clause boundary ("no, me quiero morir" is no, then risk)', () => {
    const withNo = testLexicon(
      { suicidal_thoughts: ['want to die'] },
      { denials: ['no i want to die', 'i would never kill @self'], benign: ['want to die of laughter'] },
    );
    expect(detectSignals('no i want to die', withNo)).toMatchObject({ level: 'none', riskPlacedAway: true });
    for (const text of [
      'no, i want to die',
      'no. i want to die',
      'no!! i want to die',
      'no\ni want to die',
      'no… i want to die',
    ]) {
      expect(detectSignals(text, withNo)).toMatchObject({ level: 'risk', riskPlacedAway: false });
    }
    // A benign use is held to one clause too, so it cannot silence a risk phrase in the next one.
    expect(detectSignals('i want to die of laughter', withNo).level).toBe('none');
    expect(detectSignals('i want to die. of laughter', withNo).level).toBe('risk');
  });

  it('a signal phrase still matches across punctuation ("i want to... die")', () => {
    expect(detectSignals('i want to... die', lexicon).level).toBe('risk');
    expect(detectSignals('kill, myself', lexicon).level).toBe('risk');
  });

  it('a hedge cancels the denial, so the risk stands', () => {
    expect(detectSignals('I would never kill myself, probably', lexicon).level).toBe('risk');
  });

  it('a death word outside every phrase is unplaced; inside a phrase or an idiom it is placed', () => {
    expect(detectSignals('i think about death a lot', lexicon)).toMatchObject({ level: 'none', unplacedWords: true });
    expect(detectSignals('i could die of embarrassment', lexicon)).toMatchObject({ unplacedWords: false });
    expect(detectSignals('i want to die', lexicon)).toMatchObject({ level: 'risk', unplacedWords: false });
  });

  it('neither doubt is reported when a risk phrase counts', () => {
    const detection = detectSignals('i would never kill myself but i want to die, death', lexicon);
    expect(detection.signals).toEqual([{ kind: 'suicidal_thoughts', level: 'risk' }]);
    expect(detection).toMatchObject({ level: 'risk', riskPlacedAway: false, unplacedWords: false });
  });

  it('concern evidence is the same key for the same words, and holds none of them', () => {
    const first = detectSignals('so hopeless today', lexicon).concernEvidence;
    expect(first).toHaveLength(1);
    expect(detectSignals('HOPELESS, honestly', lexicon).concernEvidence).toEqual(first);
    expect(first[0]).toMatch(/^hopelessness:[0-9a-f]{16}$/);
  });
});

describe('detectSignals result', () => {
  const lexicon = testLexicon({
    suicidal_thoughts: ['want to die'],
    self_harm: ['cutting again'],
    hopelessness: ['hopeless'],
    overthinking: ['overthinking'],
  });

  it('lists each kind once, risk first, with the highest level as the overall level', () => {
    const detection = detectSignals('overthinking, hopeless, cutting again, want to die, want to die', lexicon);
    expect(detection).toEqual({
      level: 'risk',
      signals: [
        { kind: 'suicidal_thoughts', level: 'risk' },
        { kind: 'self_harm', level: 'risk' },
        { kind: 'hopelessness', level: 'concern' },
        { kind: 'overthinking', level: 'concern' },
      ],
      gentleCheck: false,
      riskPlacedAway: false,
      unplacedWords: false,
      concernEvidence: [expect.stringMatching(/^overthinking:/), expect.stringMatching(/^hopelessness:/)],
    });
  });

  it('never contains any of the message text', () => {
    const text = 'Quixotic zebra says I want to die and feel hopeless';
    const detection = detectSignals(text, lexicon);
    expect(detection.signals).toHaveLength(2);
    expect(Object.keys(detection).sort()).toEqual([
      'concernEvidence',
      'gentleCheck',
      'level',
      'riskPlacedAway',
      'signals',
      'unplacedWords',
    ]);
    for (const signal of detection.signals) expect(Object.keys(signal).sort()).toEqual(['kind', 'level']);
    const serialised = JSON.stringify(detection).toLowerCase();
    for (const word of ['quixotic', 'zebra', 'says', 'want', 'feel']) expect(serialised).not.toContain(word);
  });

  it('finds a phrase embedded in a goal', () => {
    expect(detectSignals('my goal is to stop cutting again', lexicon).level).toBe('risk');
  });

  it('returns none for empty or punctuation-only text', () => {
    expect(detectSignals('', lexicon)).toMatchObject({ level: 'none', signals: [], gentleCheck: false });
    expect(detectSignals(' ?! ', lexicon).level).toBe('none');
  });

  it('refuses something that is not text, so the caller treats the check as failed', () => {
    expect(() => detectSignals(undefined as unknown as string, lexicon)).toThrow(TypeError);
  });

  it('stays fast on a very long message', () => {
    const text = `${'blah '.repeat(5000)} want to die ${'x '.repeat(5000)}`;
    const started = performance.now();
    expect(detectSignals(text, lexicon).level).toBe('risk');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('combineDetections', () => {
  const nothing = { riskPlacedAway: false, unplacedWords: false, concernEvidence: [] };
  it('keeps every signal, the highest level, and a gentle check only without risk', () => {
    const idiom = { level: 'none' as const, signals: [], gentleCheck: true, ...nothing };
    const concern = {
      level: 'concern' as const,
      signals: [{ kind: 'overthinking' as const, level: 'concern' as const }],
      gentleCheck: false,
      ...nothing,
      concernEvidence: ['overthinking:0123456789abcdef'],
    };
    const risk = {
      level: 'risk' as const,
      signals: [{ kind: 'self_harm' as const, level: 'risk' as const }],
      gentleCheck: false,
      ...nothing,
    };
    expect(combineDetections([idiom, concern])).toEqual({ ...concern, gentleCheck: true });
    expect(combineDetections([concern, risk, idiom])).toEqual({
      level: 'risk',
      signals: [
        { kind: 'self_harm', level: 'risk' },
        { kind: 'overthinking', level: 'concern' },
      ],
      gentleCheck: false,
      ...nothing,
      concernEvidence: ['overthinking:0123456789abcdef'],
    });
    expect(combineDetections([])).toEqual({ level: 'none', signals: [], gentleCheck: false, ...nothing });
  });

  it('keeps doubt from either language unless one of them found risk', () => {
    const doubt = { level: 'none' as const, signals: [], gentleCheck: false, ...nothing, riskPlacedAway: true };
    const risk = {
      level: 'risk' as const,
      signals: [{ kind: 'self_harm' as const, level: 'risk' as const }],
      gentleCheck: false,
      ...nothing,
    };
    expect(combineDetections([doubt, { ...doubt, riskPlacedAway: false }]).riskPlacedAway).toBe(true);
    expect(combineDetections([doubt, risk]).riskPlacedAway).toBe(false);
  });
});

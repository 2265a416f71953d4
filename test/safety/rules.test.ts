// The non-negotiable safety rules, checked in every language with that language's own lexicon.
import { Language, SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { detectSignals, loadSafetyLexicon, SignalKind } from '../../src/safety';

interface LanguageRules {
  /** Negated, hedged or "won't" risk phrases: all must stay risk. */
  negatedRisk: string[];
  /** An idiom and a real risk phrase in one message: must be risk. */
  idiomWithRisk: string[];
  /** Risk inside a goal: must be risk of this kind. */
  goalRisk: Array<[string, SignalKind]>;
  /** Idioms alone: none, with a gentle check. */
  idiomOnly: string[];
  /** Ordinary uses of risk words: none, no gentle check. */
  benign: string[];
  /** A negated concern: none. */
  negatedConcern: string[];
  /** A concern that merely contains a negation ("I don't want to feel…"): still concern. */
  concernDespiteNegation: string[];
}

const RULES: Record<Language, LanguageRules> = {
  en: {
    negatedRisk: [
      "I'm not going to kill myself… probably",
      "I don't want to live anymore",
      "I won't hurt myself, maybe",
      "i'd never cut myself again. probably",
      'not suicidal lol just want to die',
    ],
    idiomWithRisk: [
      'this homework is killing me and I want to kill myself',
      "i'm dead 😂 but fr i want to die",
      'my phone died and honestly i want to die too',
    ],
    goalRisk: [
      ['my goal is to stop self harming', 'self_harm'],
      ['my goal is to not want to kill myself every day', 'suicidal_thoughts'],
      ['I want my goal to be feeling safe when my dad hits me', 'abuse'],
    ],
    idiomOnly: ['this homework is killing me', "I'm dead 😂", 'my phone died', 'I could kill my brother lol'],
    benign: ['I want to cut my hair', 'cut down on sugar', 'shoot me a message', 'just killing time'],
    negatedConcern: ["I'm not overwhelmed today", "i don't feel hopeless anymore"],
    concernDespiteNegation: ["I don't want to feel so overwhelmed", "I can't stop overthinking"],
  },
  'pt-BR': {
    negatedRisk: [
      'não vou me matar… acho',
      'não quero mais viver',
      'não vou me cortar, talvez',
      'nunca me machucaria de novo, provavelmente',
    ],
    idiomWithRisk: ['essa prova tá me matando e eu quero me matar', 'morri de rir kkkk mas sério quero morrer'],
    goalRisk: [
      ['minha meta é parar de me cortar', 'self_harm'],
      ['meu objetivo é não querer morrer todo dia', 'suicidal_thoughts'],
    ],
    idiomOnly: ['essa prova tá me matando', 'morri de rir kkkkk', 'meu celular morreu', 'vou matar meu irmão kkk'],
    benign: [
      'quero cortar o cabelo',
      'quero cortar o açúcar',
      'só matando tempo',
      'morrendo de vontade de ver o filme',
    ],
    negatedConcern: ['não estou sobrecarregada hoje', 'não me sinto sem esperança'],
    concernDespiteNegation: ['não quero me sentir tão sobrecarregado', 'não consigo parar de pensar demais'],
  },
  es: {
    negatedRisk: [
      'no me voy a matar… creo',
      'no quiero vivir más',
      'no me voy a cortar, quizás',
      'nunca me haría daño, probablemente',
    ],
    idiomWithRisk: [
      'este examen me está matando y me quiero matar',
      'me muero de risa jajaja pero en serio quiero morirme',
    ],
    goalRisk: [
      ['mi meta es dejar de cortarme', 'self_harm'],
      ['mi objetivo es no querer morirme cada día', 'suicidal_thoughts'],
    ],
    idiomOnly: [
      'este examen me está matando',
      'me muero de risa',
      'se me murió el móvil',
      'voy a matar a mi hermano jaja',
    ],
    benign: [
      'quiero cortarme el pelo',
      'quiero reducir el azúcar',
      'matando el tiempo',
      'me muero de ganas de ver la peli',
    ],
    negatedConcern: ['hoy no estoy agobiada', 'ya no me siento sin esperanza'],
    concernDespiteNegation: ['no quiero sentirme tan agobiado', 'no puedo dejar de darle vueltas a todo'],
  },
  nb: {
    negatedRisk: [
      'jeg skal ikke ta livet mitt… tror jeg',
      'jeg vil ikke leve lenger',
      'jeg skal ikke kutte meg, kanskje',
      'jeg ville aldri skadet meg selv, sannsynligvis',
    ],
    idiomWithRisk: [
      'denne leksen dreper meg og jeg vil ta livet mitt',
      'jeg døde av latter 😂 men ærlig talt vil jeg dø',
    ],
    goalRisk: [
      ['målet mitt er å slutte å skade meg selv', 'self_harm'],
      ['målet mitt er å ikke ville dø hver dag', 'suicidal_thoughts'],
    ],
    idiomOnly: [
      'denne leksen dreper meg',
      'jeg døde av latter 😂',
      'mobilen døde',
      'jeg kommer til å drepe broren min lol',
    ],
    benign: ['jeg vil klippe håret', 'jeg vil kutte ned på sukker', 'slå i hjel tiden', 'gleder meg til å se filmen'],
    negatedConcern: ['jeg er ikke overveldet i dag', 'jeg føler meg ikke håpløs lenger'],
    concernDespiteNegation: ['jeg vil ikke føle meg så overveldet', 'jeg klarer ikke slutte å overtenke'],
  },
  tr: {
    negatedRisk: [
      'kendimi öldürmeyeceğim… herhalde',
      'artık yaşamak istemiyorum',
      'kendime zarar vermem, belki',
      'asla kendimi kesmem, muhtemelen',
    ],
    idiomWithRisk: [
      'bu ödev beni öldürüyor ve kendimi öldürmek istiyorum',
      'gülmekten öldüm 😂 ama cidden ölmek istiyorum',
    ],
    goalRisk: [
      ['hedefim kendime zarar vermeyi bırakmak', 'self_harm'],
      ['hedefim her gün ölmek istememek', 'suicidal_thoughts'],
    ],
    idiomOnly: ['bu ödev beni öldürüyor', 'gülmekten öldüm 😂', 'telefonum öldü', 'kardeşimi öldüreceğim ya'],
    benign: [
      'saçımı kestirmek istiyorum',
      'şekeri kesmek istiyorum',
      'vakit öldürüyorum',
      'filmi izlemek için sabırsızlanıyorum',
    ],
    negatedConcern: ['bugün bunalmış değilim', 'artık umutsuz hissetmiyorum'],
    concernDespiteNegation: ['bu kadar bunalmış hissetmek istemiyorum', 'fazla düşünmeyi bırakamıyorum'],
  },
  ur: {
    negatedRisk: [
      'میں خودکشی نہیں کروں گا… شاید',
      'میں اب جینا نہیں چاہتی',
      'main khud ko nuqsan nahi pohnchaunga, shayad',
      'main ab zinda nahi rehna chahta',
    ],
    idiomWithRisk: [
      'ye homework meri jaan le raha hai aur main marna chahta hoon',
      'ہنس ہنس کے مر گیا 😂 لیکن سچ میں مرنا چاہتا ہوں',
    ],
    goalRisk: [
      ['mera goal hai khud ko kaatna band karna', 'self_harm'],
      ['میرا مقصد ہے کہ روز مرنے کا دل نہ کرے', 'suicidal_thoughts'],
    ],
    idiomOnly: [
      'ye homework meri jaan le raha hai',
      'hans hans ke mar gaya 😂',
      'bore ho ke mar gaya aaj class main',
      'bhai ko maar dunga lol',
    ],
    benign: [
      'مجھے بال کٹوانے ہیں',
      'cheeni kam karni hai',
      'waqt guzar raha hoon',
      'film dekhne ka bohat dil kar raha hai',
    ],
    negatedConcern: ['aaj main pareshan nahi hoon', 'ab main na umeed nahi hoon'],
    concernDespiteNegation: ['main itna ghabrahat mehsoos nahi karna chahta', 'zyada sochna band nahi hota'],
  },
};

describe.each(SUPPORTED_LANGUAGES)('safety rules in %s', (language) => {
  const rules = RULES[language];
  const detect = (text: string) => detectSignals(text, loadSafetyLexicon(language));

  it.each(rules.negatedRisk)('negation never silences risk: %s', (text) => {
    expect(detect(text).level).toBe('risk');
  });

  it.each(rules.idiomWithRisk)('an idiom never hides risk in the same message: %s', (text) => {
    expect(detect(text)).toMatchObject({ level: 'risk', gentleCheck: false });
  });

  it.each(rules.goalRisk)('risk inside a goal is still risk: %s', (text, kind) => {
    const detection = detect(text);
    expect(detection.level).toBe('risk');
    expect(detection.signals.map((signal) => signal.kind)).toContain(kind);
  });

  it.each(rules.idiomOnly)('an idiom alone gets a gentle check, not crisis resources: %s', (text) => {
    expect(detect(text)).toMatchObject({ level: 'none', signals: [], gentleCheck: true });
  });

  it.each(rules.benign)('an ordinary use of a risk word is none: %s', (text) => {
    expect(detect(text).level).toBe('none');
  });

  it.each(rules.negatedConcern)('a plainly negated concern is none: %s', (text) => {
    expect(detect(text).level).toBe('none');
  });

  it.each(rules.concernDespiteNegation)('a concern that only contains a negation stays concern: %s', (text) => {
    expect(detect(text).level).toBe('concern');
  });
});

/**
 * Misses an exploratory tester found, typed as teens type them, and the nearest benign messages. A denial or negator
 * holds within one clause ("no, me quiero morir" is "no", then "I want to die"); abuse disclosures in everyday words
 * are risk; "ending everything" is risk in every language.
 */
interface TesterCases {
  /** A "no" before a comma or full stop is an answer, not a denial: must be risk. */
  noThenRisk: string[];
  /** The same words as one denial (no punctuation): not risk, but placed away, so the bot asks directly. */
  denialStillDoubt: string[];
  /** Disclosures of abuse or of wanting to end everything: must be risk of this kind. */
  disclosures: Array<[string, SignalKind]>;
  /** Benign messages with the same words: must be none. */
  benign: string[];
}

const TESTER: Record<Language, TesterCases> = {
  en: {
    noThenRisk: ['no, i want to die', 'no. i want to kill myself', "i don't, want to die"],
    denialStillDoubt: ["i don't want to die"],
    disclosures: [
      ['my uncle messes with me and i dont like it', 'abuse'],
      ['my stepdad keeps messing with me at night', 'abuse'],
      ['he messes with me when no one is home', 'abuse'],
      ['i dont like it when my cousin touches me', 'abuse'],
      ['i want to end it all', 'suicidal_thoughts'],
    ],
    benign: [
      'my brother messes with my stuff',
      'stop messing with me lol',
      'this weather messes with my mood',
      'he messed with my phone settings',
      'my sister touches my stuff',
    ],
  },
  'pt-BR': {
    noThenRisk: ['nao, só quero morrer', 'não. quero morrer', 'nao!! quero me matar', 'nunca, quero morrer'],
    denialStillDoubt: ['não quero morrer', 'nao quero morrer'],
    disclosures: [
      ['meu tio mexe comigo e eu nao gosto', 'abuse'],
      ['meu padrasto fica mexendo comigo quando a gente ta sozinho', 'abuse'],
      ['ele mexe comigo de noite e eu nao gosto', 'abuse'],
      ['meu primo passa a mão em mim', 'abuse'],
    ],
    benign: [
      'meu irmão mexe nas minhas coisas',
      'não mexe comigo hoje kkk',
      'essa música mexe comigo',
      'ele mexe muito comigo, acho que tô apaixonada',
    ],
  },
  es: {
    noThenRisk: ['no, me quiero morir', 'no. me quiero morir', 'no!! me quiero morir', 'no… me quiero matar'],
    denialStillDoubt: ['no me quiero morir', 'no, no me quiero morir'],
    disclosures: [
      ['mi primo se propasa conmigo', 'abuse'],
      ['mi tío me mete mano cuando no hay nadie', 'abuse'],
      ['me toca y no me gusta', 'abuse'],
    ],
    benign: ['me toca fregar y no me gusta', 'me toca a mí', 'mi hermano se mete con mi ropa'],
  },
  nb: {
    noThenRisk: ['nei, jeg vil dø', 'ikke. jeg vil ta livet mitt'],
    denialStillDoubt: ['jeg vil ikke dø'],
    disclosures: [
      ['onkelen min tukler med meg', 'abuse'],
      ['fetteren min tar på meg på en ekkel måte', 'abuse'],
    ],
    benign: ['broren min tuller med meg', 'ikke ta på mobilen min'],
  },
  tr: {
    noThenRisk: ['hayır, ölmek istiyorum', 'yok. kendimi öldürmek istiyorum'],
    denialStillDoubt: ['ölmek istemiyorum'],
    disclosures: [
      ['kuzenim benimle pis şeyler yapıyor', 'abuse'],
      ['amcam bana yanlış şekilde dokunuyor', 'abuse'],
      ['her şeyi bitirmek istiyorum', 'suicidal_thoughts'],
    ],
    benign: ['kardeşim benimle şaka yapıyor', 'ödevimi bitirmek istiyorum'],
  },
  ur: {
    noThenRisk: ['nahi، main marna chahta hoon', 'نہیں۔ میں مرنا چاہتا ہوں', 'nahi. mujhe marna hai'],
    denialStillDoubt: ['میں مرنا نہیں چاہتا'],
    disclosures: [
      ['chacha mujhe galat tareeqe se chhoote hain', 'abuse'],
      ['چچا مجھے غلط طریقے سے چھوتے ہیں', 'abuse'],
      ['mera cousin mere saath ganda kaam karta hai', 'abuse'],
      ['میرا کزن میرے ساتھ گندا کام کرتا ہے', 'abuse'],
      ['bas ab sab khatam kar dena hai', 'suicidal_thoughts'],
      ['sab khatam kar dun', 'suicidal_thoughts'],
      ['بس اب سب ختم کر دینا ہے', 'suicidal_thoughts'],
      ['sab khatam karna chahti hoon', 'suicidal_thoughts'],
    ],
    benign: ['aaj homework sab khatam kar dena hai', 'mere saath chalo', 'chhote bhai ko school chhodna hai'],
  },
};

describe.each(SUPPORTED_LANGUAGES)('tester findings in %s', (language) => {
  const cases = TESTER[language];
  const detect = (text: string) => detectSignals(text, loadSafetyLexicon(language));

  it.each(cases.noThenRisk)('a denial never reaches across a clause boundary: %j', (text) => {
    expect(detect(text).level).toBe('risk');
  });

  it.each(cases.denialStillDoubt)('the same words as one denial still make the bot ask: %j', (text) => {
    expect(detect(text)).toMatchObject({ level: 'none', riskPlacedAway: true });
  });

  it.each(cases.disclosures)('a disclosure in everyday words is risk: %s', (text, kind) => {
    const detection = detect(text);
    expect(detection.level).toBe('risk');
    expect(detection.signals.map((signal) => signal.kind)).toContain(kind);
  });

  it.each(cases.benign)('the same words in a benign message are none: %s', (text) => {
    expect(detect(text).level).toBe('none');
  });
});

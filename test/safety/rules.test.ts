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

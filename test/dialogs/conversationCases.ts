// Whole conversations as data: each case is a list of [what the young person says, what the bot replies].
// A reply is matched exactly (string) or by pattern (RegExp); the number of replies must match too. A reply with an
// Adaptive Card reads as its text blocks, one a line (see test/support/adaptiveCards.ts); a step written as JSON is
// sent as that activity, e.g. a card tap as Web Chat ({"value": …}) or Teams ({"text": …, "value": …}) sends it.
export type Expected = string | RegExp;
export interface ConversationCase {
  name: string;
  /** Earlier visits by the same young person, run first in their own conversations. */
  before?: Array<Array<[string, Expected[]]>>;
  steps: Array<[string, Expected[]]>;
  /** The handoffs made in the last visit ("reason/urgency"), in order, when the case checks them. */
  handoffs?: string[];
}

export const WELCOME: Expected[] = [/not a person/, /small things/, /what do you know about me/, /okay for me to keep/];
export const CONSENTED: Expected[] = [/start gently/, /how are you feeling right now/];
const CHECKED_IN = (score: number): Expected[] => [
  `Thanks for telling me: ${score} out of 10.`,
  /Some people like to set small goals/,
  /think about some small goals with me\?/,
];
const NOTE_QUESTION = /anything you'd like your practitioner to know/;
/** The summary card: the summary in their words (with `content` in it), then whether to share it. */
const SUMMARY = (content: RegExp) =>
  new RegExp(
    `^Here's the summary I'd pass on, in your words:\\n[\\s\\S]*${content.source}[\\s\\S]*\\nWould you like me to share this with Test Service\\?$`,
  );
const GOODBYE = /Thanks for talking with me today/;

/** From hello to the goal-work question. */
const START = (score = 5): Array<[string, Expected[]]> => [
  ['hello', WELCOME],
  ['yes', CONSENTED],
  [String(score), CHECKED_IN(score)],
];

/** How an answer on a card is given: typed, or tapped. */
type Answer = (typed: string) => string;
const TYPED: Answer = (typed) => typed;
const cardData = (answer: string) => ({ answer, msteams: { type: 'messageBack', displayText: answer, text: answer } });
/** A tap as Web Chat sends it: the button's data as `value`, and no text. */
const WEB_CHAT_TAP: Answer = (answer) => JSON.stringify({ value: cardData(answer) });
/** A tap as Teams sends a messageBack: its text, and the button's data as `value`. */
const TEAMS_TAP: Answer = (answer) => JSON.stringify({ text: answer, value: cardData(answer) });

/** "Now", then past experience, word and who is involved, up to the first life-area question. */
const GOALS_NOW = (word: string, wordAnswer = word): Array<[string, Expected[]]> => [
  ["yes, let's do it", [/Have you set goals with anyone before/]],
  ['never done it', [/What word would you like me to use\?/]],
  [wordAnswer, [`Okay, I'll say "${word}".`, /Who would you like to be involved/]],
  ['just me', [/noted/, /Which part of life would you like to start with\?/]],
];

/** One personal (not school-shaped) goal from the life-area question to "add another?". */
const PERSONAL_GOAL = (
  area: string,
  text: string,
  step: string,
  rating: number,
  word = 'goals',
  answer = TYPED,
): Array<[string, Expected[]]> => [
  [area, [/In your own words, what would you like to be different\?/]],
  [text, [/small first step/]],
  [step, [/How close do you feel to this right now\?/]],
  [
    answer(String(rating)),
    [
      new RegExp(
        `^Here's what I've got:\\n- ${text}\\n- First step: ${step}\\n- How close you feel right now: ${rating}/10\\nIs that right\\?$`,
      ),
    ],
  ],
  [answer("That's right"), [/Saved\. It doesn't need to be perfect/, new RegExp(`add another one to your ${word}\\?`)]],
];

/** The check-in, a GBO rating, the goal read back and the summary, each answered on its card in the same way. */
const ANSWERED_ON_CARDS = (answer: Answer): Array<[string, Expected[]]> => [
  ['hello', WELCOME],
  ['yes', CONSENTED],
  [answer('6'), CHECKED_IN(6)],
  ...GOALS_NOW('goals'),
  ...PERSONAL_GOAL('sleep', 'get to sleep before midnight', 'put my phone away at 11', 2, 'goals', answer),
  ['no', [NOTE_QUESTION]],
  ['no', [SUMMARY(/get to sleep before midnight \(first step: put my phone away at 11; how close: 2\)/)]],
  [answer('Share it'), [/saved for Test Service to see/, GOODBYE]],
];

export const conversationCases: ConversationCase[] = [
  {
    name: 'consent declined: nothing kept, kind ending',
    steps: [
      ['hello', WELCOME],
      ['no', [/That's completely okay\. I haven't kept anything/]],
      ['what do you know about me', ["I don't keep anything about you at the moment."]],
    ],
  },
  {
    name: 'goals later: no goal questions, straight to who is involved and the summary',
    steps: [
      ...START(4),
      ['maybe later', [/We can leave goals for another time/, /Who would you like to be involved/]],
      ['my family', [/noted/, NOTE_QUESTION]],
      ['no', [SUMMARY(/.*4\n.*leave goals for later.*\n.*My family/)]],
      ['share it', [/saved for Test Service to see/, GOODBYE]],
    ],
    handoffs: ['conversationComplete/routine'],
  },
  {
    name: 'get to know my practitioner first',
    steps: [
      ...START(),
      ['get to know my practitioner first', [/Getting to know your practitioner first/, /Who would you like/]],
      ['just me', [/noted/, NOTE_QUESTION]],
      ['no', [SUMMARY(/get to know your practitioner first/)]],
      ["don't share", [/I won't share it/, GOODBYE]],
    ],
    handoffs: [],
  },
  {
    name: 'not sure: explained, then a choice',
    steps: [
      ...START(),
      ['not sure, tell me more', [/nobody marks them/, /think about some small goals with me\?/]],
      ["yes, let's do it", [/Have you set goals with anyone before/]],
    ],
  },
  {
    name: 'unhelpful past experience: told plainly this can be different',
    steps: [
      ...START(),
      ["yes, let's do it", [/Have you set goals with anyone before/]],
      ["it didn't help", [/This can be different: these are small, they're yours/, /What word/]],
    ],
  },
  {
    name: 'goals now with one personal goal, then the summary is shared',
    steps: [
      ...START(6),
      ...GOALS_NOW('goals'),
      ...PERSONAL_GOAL('sleep', 'get to sleep before midnight', 'put my phone away at 11', 2),
      ['no', [NOTE_QUESTION]],
      ['yes', [/What would you like them to know\?/]],
      [
        'I get nervous on the phone',
        [
          SUMMARY(
            /get to sleep before midnight \(first step: put my phone away at 11; how close: 2\)\n.*I get nervous on the phone/,
          ),
        ],
      ],
      ['share it', [/saved for Test Service/, GOODBYE]],
    ],
  },
  {
    name: 'goals now with three goals, then the limit',
    steps: [
      ...START(),
      ...GOALS_NOW('goals'),
      ...PERSONAL_GOAL('friends', 'see my friends on weekends', 'text sam', 3),
      ['yes', [/Which part of life is this one about\?/]],
      ...PERSONAL_GOAL('family', 'have dinner with my mum', 'ask her on sunday', 5),
      ['yes', [/Which part of life is this one about\?/]],
      ['confidence', [/In your own words/]],
      ['say what i think in group chats', [/small first step/]],
      ['send one message', [/How close/]],
      ['1', [/say what i think in group chats[\s\S]*Is that right\?$/]],
      ["that's right", [/Saved/, /That's three, which is plenty/, NOTE_QUESTION]],
      ['no', [SUMMARY(/see my friends on weekends.*\n.*have dinner with my mum.*\n.*say what i think in group chats/)]],
    ],
  },
  {
    name: 'their own word is used throughout, including the summary',
    steps: [
      ...START(),
      ["yes, let's do it", [/Have you set goals/]],
      ['never done it', [/What word/]],
      ['my own word', [/What word or phrase would you like me to use\?/]],
      ['little wins', [`Okay, I'll say "little wins".`, /Who would you like/]],
      ['just me', [/noted/, /Which part of life/]],
      ...PERSONAL_GOAL(
        'feelings',
        'feel less on edge in the mornings',
        'breathe slowly for a minute',
        4,
        'little wins',
      ),
      ['no', [NOTE_QUESTION]],
      ['no', [SUMMARY(/The word you chose: "little wins"/)]],
    ],
  },
  {
    name: 'school-shaped goal: a reflective question, the personal phrasing accepted',
    steps: [
      ...START(),
      ...GOALS_NOW('goals'),
      ['school, college or work', [/In your own words/]],
      ['pass my exams', [/what would be different for you\?/i]],
      ["i'd feel calmer", [/How about: "feel calmer.*exams.*"\?/]],
      ['use that', [/small first step/]],
      ['pack my bag the night before', [/How close/]],
      [
        'about a 3',
        [
          /- feel calmer.*exams.*\n- First step: pack my bag the night before\n- How close you feel right now: 3\/10\nIs that right\?$/,
        ],
      ],
      ["that's right", [/Saved/, /add another/]],
    ],
  },
  {
    name: 'school-shaped goal: the young person rewrites the suggestion',
    steps: [
      ...START(),
      ...GOALS_NOW('goals'),
      ['school, college or work', [/In your own words/]],
      ['get better grades', [/what would be different for you\?/i]],
      ['i would ask for help more', [/How about: ".*"\?/]],
      ['write it differently', [/how would you like to put it\?/]],
      ['feel ok asking teachers for help', [/small first step/]],
      ['ask one question in maths', [/How close/]],
      [
        'six',
        [
          /- feel ok asking teachers for help\n- First step: ask one question in maths\n- How close you feel right now: 6\/10\nIs that right\?$/,
        ],
      ],
      ['change the words', [/How would you like to say it\?/]],
      ['feel ok asking for help at school', [/- feel ok asking for help at school\n/, /Saved/, /add another/]],
    ],
  },
  {
    name: 'stop mid-goal, then carry on at the same question',
    steps: [
      ...START(),
      ...GOALS_NOW('goals'),
      ['friends', [/In your own words/]],
      ['see my friends more', [/small first step/]],
      ['pause', [/we've paused here\. Your answers are saved/]],
      ['hi', [/Shall we carry on where we left off\?/]],
      ['carry on', [/small first step/]],
      ['message my best friend', [/How close/]],
    ],
  },
  {
    name: 'returning young person re-rates and sees the change since the first rating',
    before: [
      [
        ...START(),
        ...GOALS_NOW('hopes'),
        ...PERSONAL_GOAL('sleep', 'wake up feeling rested', 'no screens in bed', 3, 'hopes'),
        ['no', [NOTE_QUESTION]],
        ['no', [SUMMARY(/wake up feeling rested/)]],
        ['share it', [/saved/, GOODBYE]],
      ],
    ],
    steps: [
      ['hi', ["Welcome back 👋 It's good to see you again.", /how are you feeling right now/]],
      [
        '3',
        [
          'Thanks for telling me: 3 out of 10.',
          /Last time we talked about your hopes/,
          /"wake up feeling rested": last time you said 3 out of 10/,
        ],
      ],
      ['6', ['wake up feeling rested: 3 → 6', /What would you like to do with this one\?/]],
      ['keep going', [/keeping it/, /add another one to your hopes\?/]],
      ['no', [NOTE_QUESTION]],
      ['no', [SUMMARY(/wake up feeling rested \(first step: no screens in bed; how close: 3 → 6\)/)]],
    ],
  },
  {
    name: 'help and talk to a person mid-goal, then the same question again',
    steps: [
      ...START(),
      ...GOALS_NOW('goals'),
      ['friends', [/In your own words/]],
      ['help', [/"stop" or "pause"/, /In your own words/]],
      ['talk to a person', [/Would you like me to let Test Service know you'd like to talk to a person\?/]],
      [
        'yes',
        [
          /I've let Test Service know you'd like to talk to a person\. Someone from Test Service will see it when they're next working\. If you need help sooner, or you're not safe, call 999\./,
          /How would you like Test Service to reach you\? Anything you tell me here goes only to Test Service/,
        ],
      ],
      ['skip', ["That's okay, I haven't added anything.", /In your own words/]],
    ],
    handoffs: ['askedForPerson/soon'],
  },
  {
    name: 'talk to a person, then changing their mind: nothing is sent',
    steps: [
      ['hello', WELCOME],
      ['can I talk to a real person please', [/Would you like me to let Test Service know/]],
      ['no', ["Okay, I haven't sent anything.", /okay for me to keep your answers/]],
    ],
    handoffs: [],
  },
  {
    name: 'start over begins again, keeping what was saved',
    steps: [
      ...START(),
      ['start again', [/let's start again from the beginning/, /Welcome back/, /how are you feeling right now/]],
    ],
  },
  {
    name: 'delete my data: declined (back to the question they were at), then confirmed, then a fresh start',
    steps: [
      ...START(3),
      ['delete my data', [/can't be undone/]],
      ['no', [/haven't deleted anything/, /think about some small goals with me\?/]],
      [
        'what do you know about me',
        [/You agreed on .*\n- Check-in on .*: 3 out of 10/, /think about some small goals with me\?/],
      ],
      ['delete everything', [/can't be undone/]],
      ['yes', [/has been deleted/]],
      ['what do you know about me', [/don't keep anything/]],
      ['hi', WELCOME],
    ],
  },
  {
    name: 'card buttons tapped in Web Chat answer the check-in, a rating, the goal and the summary as typing does',
    steps: ANSWERED_ON_CARDS(WEB_CHAT_TAP),
    handoffs: ['conversationComplete/routine'],
  },
  {
    name: 'card buttons tapped in Teams (messageBack) answer them as typing does',
    steps: ANSWERED_ON_CARDS(TEAMS_TAP),
    handoffs: ['conversationComplete/routine'],
  },
  {
    name: 'the same answers typed',
    steps: ANSWERED_ON_CARDS(TYPED),
    handoffs: ['conversationComplete/routine'],
  },
  {
    name: 'a typed answer and a card submission behave the same',
    steps: [
      ['hello', WELCOME],
      ['{"value":{"choice":"Yes"}}', CONSENTED],
      ['{"value":{"text":"7"}}', CHECKED_IN(7)],
    ],
  },
  {
    name: 'prompts re-ask kindly at most twice, then offer a way on',
    steps: [
      ...START(),
      ["yes, let's do it", [/Have you set goals/]],
      ['purple', [/Sorry, I didn't quite get that.*Have you set goals/]],
      ['banana', [/Sorry, I didn't quite get that/]],
      ['wibble', [/No worries, let's leave that one for now/, /What word would you like me to use\?/]],
    ],
  },
];

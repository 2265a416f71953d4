// "How would you like your service to reach you?" through the real bot: after asking for a person, after the risk
// reply's "right now?", and after concern's "talk to a person". Answers typed as young people type them; what is
// recorded is read from the handoff store, and nothing of it may be kept anywhere else.
import type { Activity } from 'botbuilder';
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit, DialogTestKit } from '../support/dialogTestKit';
import { expectRiskReply, PATH, RISK_MESSAGE, storedText } from '../support/safetyExpectations';

const REACH_QUESTION =
  "How would you like Test Service to reach you? Anything you tell me here goes only to Test Service, with this request, and I don't keep it anywhere else. You can skip this.";
const BUTTONS = [
  "I'll type a number or email",
  'Through the person who referred me',
  "I'll contact them myself",
  'Skip',
];
const ASK_DETAILS = 'What number or email address should they use?';
const NEXT_STEPS = 'What would you like to do now?';
const SKIPPED = "That's okay, I haven't added anything.";

function buttonsOf(activities: Array<Partial<Activity>>): string[] {
  return activities.flatMap((activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? []);
}

interface Conversation {
  kit: DialogTestKit;
  runner: ConversationRunner;
  say: (text: string) => Promise<Array<Partial<Activity>>>;
}

async function conversation(name: string): Promise<Conversation> {
  const kit = await createDialogTestKit();
  const runner = await ConversationRunner.create(kit);
  return { kit, runner, say: runner.open(name) };
}

/** Consent given, then "talk to a person" and "yes": at how to reach them, with the request made. */
async function afterAskingForAPerson(name: string): Promise<Conversation> {
  const chat = await conversation(name);
  await chat.say('hello');
  await chat.say('yes');
  await chat.say('can i talk to a real person');
  const replies = await chat.say('yes please');
  expect(messageTexts(replies)).toEqual([expect.stringMatching(/I've let Test Service know/), REACH_QUESTION]);
  expect(buttonsOf(replies)).toEqual(BUTTONS);
  expect(chat.runner.handoffs.map((summary) => summary.reason)).toEqual(['askedForPerson']);
  return chat;
}

/** The handoff as kept now (the summary the page, the card and later sends read). */
async function kept(chat: Conversation, reason: HandoffSummary['reason']): Promise<HandoffSummary> {
  const made = chat.runner.handoffs.filter((summary) => summary.reason === reason);
  expect(made).toHaveLength(1);
  const record = await chat.runner.inbox.get(made[0].id);
  if (!record) throw new Error(`the ${reason} handoff is gone`);
  return record.summary;
}

describe('how the service may reach them, after asking for a person', () => {
  it.each([
    ['07700 900123', { how: 'phone', value: '07700 900123' }, "Thanks. I've added 07700 900123 to your request"],
    ['my email is sam@example.com', { how: 'email', value: 'sam@example.com' }, "I've added sam@example.com"],
    ['thru my teacher who sent me here', { how: 'referrer' }, 'get in touch through the person who referred you'],
    ['ill ring them', { how: 'theyWillContact' }, "you'll contact them yourself"],
    ['Through the person who referred me', { how: 'referrer' }, 'through the person who referred you'],
  ])('"%s" is recorded on the request, and said back', async (typed, reach, said) => {
    const chat = await afterAskingForAPerson(`reach-${typed}`);
    const replies = messageTexts(await chat.say(typed));
    expect(replies).toEqual([expect.stringContaining(said), expect.stringMatching(/how are you feeling right now/)]);
    expect((await kept(chat, 'askedForPerson')).reach).toEqual({ ...reach, at: expect.any(String) });
  });

  it.each(['nah', 'idk', 'no thanks', 'Skip'])('"%s" adds nothing, kindly', async (typed) => {
    const chat = await afterAskingForAPerson(`reach-skip-${typed}`);
    expect(messageTexts(await chat.say(typed))).toEqual([SKIPPED, expect.stringMatching(/how are you feeling/)]);
    expect((await kept(chat, 'askedForPerson')).reach).toBeUndefined();
  });

  it('"can u just text me" asks for the number, and takes it as typed', async () => {
    const chat = await afterAskingForAPerson('reach-text-me');
    const asked = await chat.say('can u just text me');
    expect(messageTexts(asked)).toEqual([ASK_DETAILS]);
    expect(buttonsOf(asked)).toEqual(['Skip']);
    expect(messageTexts(await chat.say('its 07700 900 123 thx'))[0]).toMatch(/I've added 07700 900 123/);
    expect((await kept(chat, 'askedForPerson')).reach).toMatchObject({ how: 'phone', value: '07700 900 123' });
  });

  it('something that is not a number or email is asked for once more, kindly, then left', async () => {
    const chat = await afterAskingForAPerson('reach-bad-number');
    await chat.say("I'll type a number or email");
    expect(messageTexts(await chat.say('0770'))).toEqual([
      expect.stringMatching(/^That doesn't look like a phone number or email address to me\..*07700 900123/),
    ]);
    expect(messageTexts(await chat.say('sam at gmail'))).toEqual([
      "No worries, let's leave that one for now.",
      expect.stringMatching(/how are you feeling/),
    ]);
    expect((await kept(chat, 'askedForPerson')).reach).toBeUndefined();
  });

  it('at "what number?", a way that needs none still answers ("actually ill ring them")', async () => {
    const chat = await afterAskingForAPerson('reach-changed');
    await chat.say('email me');
    expect(messageTexts(await chat.say('actually ill ring them myself'))[0]).toMatch(/contact them yourself/);
    expect((await kept(chat, 'askedForPerson')).reach).toMatchObject({ how: 'theyWillContact' });
  });

  it('"who sees this?" is answered from its FAQ and the question asked again', async () => {
    const chat = await afterAskingForAPerson('reach-who');
    expect(messageTexts(await chat.say('who sees this?'))).toEqual([
      expect.stringMatching(
        /^Only the people at Test Service who pick up your request\. It goes with this request only/,
      ),
      expect.stringMatching(/^Sorry, I didn't quite get that\..*How would you like Test Service to reach you\?/),
    ]);
    expect(messageTexts(await chat.say('07700 900123'))[0]).toMatch(/I've added 07700 900123/);
  });

  it('"they can contact me on …" with their service contact given, says how to reach the service too', async () => {
    const kit = await createDialogTestKit();
    const runner = await ConversationRunner.create(kit, { serviceContact: '0161 000 0000' });
    const say = runner.open('reach-service-contact');
    for (const step of ['hello', 'yes', 'talk to a person', 'yes']) await say(step);
    expect(messageTexts(await say('ill call them'))[0]).toBe(
      "Okay. I've let Test Service know you'll contact them yourself. You can reach Test Service on 0161 000 0000.",
    );
  });

  it('the details are kept only on the handoff: not in the profile, the conversation or any other handoff', async () => {
    const chat = await afterAskingForAPerson('reach-kept-where');
    await chat.say('my number is 07700 900123');
    const linesWithIt = storedText(chat.kit)
      .split('\n')
      .filter((line) => line.includes('07700 900123'));
    expect(linesWithIt).toHaveLength(1);
    const state = Object.values((chat.kit.storage as unknown as { memory: Record<string, string> }).memory).join('\n');
    expect(state).not.toContain('07700');
    expect(state).not.toContain('900123');
  });

  it('a risk message typed at the question gets the risk reply, and is never taken as how to reach them', async () => {
    const chat = await afterAskingForAPerson('reach-risk');
    expectRiskReply(await chat.say(`${RISK_MESSAGE} 07700 900123`), '999', 'Samaritans');
    expect(chat.runner.handoffs.map((summary) => summary.reason)).toEqual(['askedForPerson', 'risk']);
    expect((await kept(chat, 'askedForPerson')).reach).toBeUndefined();
    expect(storedText(chat.kit)).not.toContain('900123');
  });
});

describe('how the service may reach them, after a risk reply', () => {
  async function atRightNow(name: string): Promise<Conversation> {
    const chat = await conversation(name);
    for (const step of PATH.slice(0, 3)) await chat.say(step);
    expectRiskReply(await chat.say(RISK_MESSAGE), '999', 'Samaritans');
    return chat;
  }

  it('is asked once "right now?" is answered, and goes on the risk handoff', async () => {
    const chat = await atRightNow('risk-reach');
    expect(messageTexts(await chat.say('no'))).toEqual([
      expect.stringMatching(/What you wrote has still been passed to your service/),
      REACH_QUESTION,
    ]);
    expect(messageTexts(await chat.say('call me on 07700 900123 pls'))).toEqual([
      "Thanks. I've added 07700 900123 to your request, for Test Service only.",
      NEXT_STEPS,
    ]);
    const risk = await kept(chat, 'risk');
    expect(risk.rightNow).toMatchObject({ answer: 'no' });
    expect(risk.reach).toMatchObject({ how: 'phone', value: '07700 900123' });
  });

  it('after "yes" to right now, the emergency number comes first, then the question', async () => {
    const chat = await atRightNow('risk-reach-yes');
    const texts = messageTexts(await chat.say('yes'));
    expect(texts[0]).toMatch(/^Please call 999 now/);
    expect(texts.at(-1)).toBe(REACH_QUESTION);
  });

  it('"talk to a person" said there is the risk reply\'s own: an immediate request, not "didn\'t catch that"', async () => {
    const chat = await atRightNow('risk-reach-person');
    await chat.say('no');
    const replies = messageTexts(await chat.say('can i talk to a real person'));
    expect(replies).toEqual([expect.stringMatching(/^I've let Test Service know you'd like to talk to a person/)]);
    const asked = chat.runner.handoffs.filter((summary) => summary.reason === 'askedForPerson');
    expect(asked.map((summary) => summary.urgency)).toEqual(['immediate']);
  });

  it('a second risk message typed there gets the whole risk reply again, with its own handoff', async () => {
    const chat = await atRightNow('risk-reach-risk');
    await chat.say('no');
    expectRiskReply(await chat.say('i just want to die'), '999', 'Samaritans');
    expect(chat.runner.handoffs.map((summary) => summary.reason)).toEqual(['risk', 'risk']);
    // The new risk reply asks about right now, then how to reach them for its own handoff.
    expect(messageTexts(await chat.say('not right now'))).toContain(REACH_QUESTION);
    await chat.say('ill ring them');
    const [first, second] = chat.runner.handoffs;
    expect((await chat.runner.inbox.get(first.id))?.summary.reach).toBeUndefined();
    expect((await chat.runner.inbox.get(second.id))?.summary.reach).toMatchObject({ how: 'theyWillContact' });
  });
});

describe('how the service may reach them, after concern', () => {
  it('"talk to a person" makes the request, asks how to reach them, then stays paused', async () => {
    const chat = await conversation('concern-reach');
    for (const step of PATH.slice(0, 4)) await chat.say(step);
    expect(messageTexts(await chat.say('not sure, i get panic attacks just thinking about it'))[0]).toMatch(/pause/);
    expect(messageTexts(await chat.say('talk to a person'))).toEqual([
      expect.stringMatching(/^I've let Test Service know you'd like to talk to a person/),
      REACH_QUESTION,
    ]);
    expect(messageTexts(await chat.say('through my social worker'))).toEqual([
      "Thanks. I've asked Test Service to get in touch through the person who referred you.",
    ]);
    expect((await kept(chat, 'concernChosePerson')).reach).toMatchObject({ how: 'referrer' });
    expect(messageTexts(await chat.say('hi'))).toEqual(['Welcome back. Shall we carry on where we left off?']);
  });
});

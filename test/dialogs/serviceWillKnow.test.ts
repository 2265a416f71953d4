// Every path that tells the young person their service knows, or will be in touch, has made (or updated) a handoff
// that says so; where none was made, the bot does not promise it.
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';
import { PATH, RISK_MESSAGE } from '../support/safetyExpectations';

// PATH ends at the note: "no" to another goal, "yes" to a note; then "no" to a note brings the summary.
const TO_THE_SUMMARY = [...PATH.slice(0, -1), 'no'];
const SHARED = [...TO_THE_SUMMARY, 'share it'];
const WILL_BE_IN_TOUCH = /Here's what happens next: Test Service will be in touch about your first appointment\./;
const NOTHING_SENT = /Here's what happens next: Nothing from our chat has gone to Test Service, so they won't hear/;

interface PromiseCase {
  name: string;
  steps: string[];
  /** What the last step's replies say that promises the service knows. */
  says: RegExp;
  /** The handoffs made, "reason/urgency", in order. */
  handoffs: string[];
}

const CASES: PromiseCase[] = [
  {
    name: 'the risk reply, after "no" to right now',
    steps: ['hello', RISK_MESSAGE, 'no'],
    says: /What you wrote has still been passed to your service/,
    handoffs: ['risk/immediate'],
  },
  {
    name: '"talk to a person", confirmed',
    steps: ['hello', 'talk to a person', 'yes'],
    says: /I've let Test Service know you'd like to talk to a person/,
    handoffs: ['askedForPerson/soon'],
  },
  {
    name: '"talk to a person" after a risk reply',
    steps: ['hello', RISK_MESSAGE, 'no', 'skip', 'talk to a person'],
    says: /I've let Test Service know you'd like to talk to a person/,
    handoffs: ['risk/immediate', 'askedForPerson/immediate'],
  },
  {
    name: '"talk to a person" after concern',
    steps: [...PATH.slice(0, 4), 'not sure, i get panic attacks just thinking about it', 'talk to a person'],
    says: /I've let Test Service know you'd like to talk to a person/,
    handoffs: ['concernChosePerson/soon'],
  },
  {
    name: '"not sure" to the direct question',
    steps: ['hello', "I don't want to die, I just want the exams to be over", 'not sure'],
    says: /Are you having thoughts of killing yourself right now\?/,
    handoffs: ['risk/immediate'],
  },
  {
    name: 'a "no" to the direct question after a risk reply',
    steps: ['hello', RISK_MESSAGE, 'no', 'skip', 'carry on gently', "i'm not suicidal, i just feel rubbish", 'no'],
    says: /What you wrote earlier has still been passed to your service/,
    handoffs: ['risk/immediate'],
  },
  {
    name: 'a shared summary',
    steps: SHARED,
    says: /It's saved for Test Service to see before you meet/,
    handoffs: ['conversationComplete/routine'],
  },
  {
    name: 'after the goodbye, with a shared summary',
    steps: [...SHARED, 'hi'],
    says: WILL_BE_IN_TOUCH,
    handoffs: ['conversationComplete/routine'],
  },
];

describe('"your service will know" is said only with a handoff that says so', () => {
  it.each(CASES.map((promise) => [promise.name, promise]))('%s', async (_name, promise) => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('promise');
    let replies: string[] = [];
    for (const step of promise.steps) replies = messageTexts(await say(step));
    expect(replies.join('\n')).toMatch(promise.says);
    expect(runner.handoffs.map((summary) => `${summary.reason}/${summary.urgency}`)).toEqual(promise.handoffs);
    // Each is in the store the practitioners read.
    for (const summary of runner.handoffs) expect(await runner.inbox.get(summary.id)).toBeDefined();
  });

  it('after the goodbye, with nothing shared and no referral, it says nothing has gone to the service', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('nothing-sent');
    for (const step of [...TO_THE_SUMMARY, "don't share"]) await say(step);
    const replies = messageTexts(await say('hi')).join('\n');
    expect(replies).toMatch(NOTHING_SENT);
    expect(replies).not.toMatch(/will be in touch/);
    expect(runner.handoffs).toEqual([]);
  });

  it('after the goodbye, with a referral code, the service knows of them and will be in touch', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('referred');
    await say('ref RIV-42');
    for (const step of [...TO_THE_SUMMARY.slice(1), "don't share"]) await say(step);
    expect(messageTexts(await say('hi')).join('\n')).toMatch(WILL_BE_IN_TOUCH);
    expect(runner.handoffs).toEqual([]);
  });

  it('after the goodbye, with a request for a person made earlier, the service will be in touch', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('asked-earlier');
    for (const step of [...PATH.slice(0, 3), 'talk to a person', 'yes', 'skip']) await say(step);
    for (const step of [...TO_THE_SUMMARY.slice(3), "don't share"]) await say(step);
    expect(messageTexts(await say('hi')).join('\n')).toMatch(WILL_BE_IN_TOUCH);
    expect(runner.handoffs.map((summary) => summary.reason)).toEqual(['askedForPerson']);
  });
});

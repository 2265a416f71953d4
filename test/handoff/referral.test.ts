import { referralCodeFrom, referralCodeInText } from '../../src/handoff/referral';
import { ConversationRunner, messageTexts } from '../support/conversationRunner';
import { createDialogTestKit } from '../support/dialogTestKit';

describe('referral codes', () => {
  it.each([
    [{ channelData: { referralCode: 'abc123' } }, 'ABC123'],
    [{ channelData: { referralCode: ' RIVER-2026 ' } }, 'RIVER-2026'],
    [{ value: { referralCode: 'Q7X' } }, 'Q7X'],
    [{ channelData: { referralCode: 'x' } }, undefined],
    [{ channelData: { referralCode: '<script>' } }, undefined],
    [{ channelData: { referralCode: 42 } }, undefined],
    [{ channelData: 'ref=ABC' }, undefined],
    [{}, undefined],
  ])('reads %p as %p', (activity, code) => {
    expect(referralCodeFrom(activity)).toBe(code);
  });

  it.each([
    ['ref ABC123', 'ABC123'],
    ['Referral code: gp-7781', 'GP-7781'],
    ['REF#Q7X', 'Q7X'],
    ['ref', undefined],
    ['ref x', undefined],
    ['my ref is ABC123', undefined],
    ['referral code <b>', undefined],
  ])('reads the message "%s" as %p', (text, code) => {
    expect(referralCodeInText(text)).toBe(code);
  });

  it('from a Teams deep link message is kept, and the conversation starts as usual', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('teams-link');
    expect(messageTexts(await say('ref TEAMS-42'))[0]).toMatch(/not a person/);
    await say('yes');
    await say('talk to a person');
    await say('yes');
    expect(runner.handoffs.map((summary) => summary.referral)).toEqual(['TEAMS-42']);
  });

  it('travels with the conversation into the handoff; a malformed one is ignored kindly', async () => {
    const runner = await ConversationRunner.create(await createDialogTestKit());
    const say = runner.open('referred');
    await say(JSON.stringify({ text: 'hello', channelData: { referralCode: 'riv-042' } }));
    await say(JSON.stringify({ text: 'talk to a person', channelData: { referralCode: '%%' } }));
    await say('yes');
    expect(runner.handoffs.map((summary) => summary.referral)).toEqual(['RIV-042']);
    expect((await runner.inbox.list({ referral: 'RIV-042' })).map((item) => item.reason)).toEqual(['askedForPerson']);
  });
});

import { referralCodeFrom } from '../../src/handoff/referral';
import { ConversationRunner } from '../support/conversationRunner';
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

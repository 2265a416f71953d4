// "Delete my data" and the Web Chat transcripts the bot's own Direct Line keeps in memory: every conversation of that
// user loses what it held, keeps going (the reply to the deletion still arrives), and never repeats an activity.
import { HostedConversations } from '../../src/webchat/directLine/conversations';

const THEM = 'dl_abcdefghijklmnopqrstuvwxyz';
const SOMEONE_ELSE = 'dl_zyxwvutsrqponmlkjihgfedcba';

describe('HostedConversations.forgetTranscripts', () => {
  it("forgets every transcript of one user, and nobody else's", () => {
    const conversations = new HostedConversations();
    const [first, second, empty] = [1, 2, 3].map(() => conversations.create(THEM));
    const other = conversations.create(SOMEONE_ELSE);
    for (const conversation of [first, second, other]) {
      conversations.append(conversation, { type: 'message', text: 'my words' });
      conversations.append(conversation, { type: 'message', text: 'a reply' });
    }

    expect(conversations.forgetTranscripts(THEM)).toBe(2);
    expect(conversations.since(first, undefined)).toEqual({ activities: [], watermark: '2' });
    expect(conversations.since(second, undefined).activities).toEqual([]);
    expect(conversations.since(empty, undefined).activities).toEqual([]);
    expect(conversations.since(other, undefined).activities.map((a) => a.text)).toEqual(['my words', 'a reply']);

    // The conversation goes on: what comes next is kept and read from the same watermark.
    conversations.append(first, { type: 'message', text: 'Done.' });
    expect(conversations.since(first, 2)).toMatchObject({ activities: [{ text: 'Done.' }], watermark: '3' });
    expect(conversations.find(first.id)).toBe(first);
  });
});

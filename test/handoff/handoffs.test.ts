// The handoff port the dialogs call: a shared summary is linked to the handoff that carried it, so the young person can
// withdraw their latest share while no practitioner has opened it, and a withdrawn share is never sent again.
import { randomUUID } from 'node:crypto';
import { TestAdapter, TurnContext } from 'botbuilder';
import { AgreedSummary, Goal } from '../../src/bot/state';
import { HandoffDelivery } from '../../src/handoff/delivery';
import { Handoffs } from '../../src/handoff/handoffs';
import type { HandoffSummary } from '../../src/handoff/handoffSummary';
import { HandoffInbox, WithdrawResult } from '../../src/handoff/inbox';
import { createLogger } from '../../src/log';
import { createDialogTestKit, DialogTestKit } from '../support/dialogTestKit';

const GOAL: Goal = {
  id: 'g-job',
  area: 'schoolCollegeWork',
  text: 'get a job',
  ratings: [{ score: 3, at: '2026-11-20T10:05:00.000Z' }],
  status: 'active',
  createdAt: '2026-11-20T10:05:00.000Z',
};

describe('Handoffs: withdrawing the latest share', () => {
  let kit: DialogTestKit;
  let inbox: HandoffInbox;
  let handoffs: Handoffs;

  beforeEach(async () => {
    kit = await createDialogTestKit();
    inbox = new HandoffInbox(kit.handoffs);
    const delivery = new HandoffDelivery({ inbox, logger: createLogger('silent'), renderText: () => 'summary' });
    handoffs = new Handoffs(delivery, kit.state, 'Riverside');
  });

  /** Runs one turn of the same young person's conversation. */
  async function turn<T>(work: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    const adapter = new TestAdapter(async (context) => {
      result = await work(context);
    }).use(kit.middleware);
    await adapter.send('hi').startTest();
    return result as T;
  }

  /** What the summary dialog does when the young person shares: keep the decision, then hand it off. */
  const share = (note: string) =>
    turn(async (context) => {
      const decision: AgreedSummary = {
        id: randomUUID(),
        decidedAt: new Date().toISOString(),
        shared: true,
        removed: [],
        noteForPractitioner: note,
      };
      await kit.state.updateProfile(context, (profile) => {
        profile.consent = { given: true, at: decision.decidedAt };
        profile.goals = [GOAL];
        profile.summaries.push(decision);
      });
      return handoffs.request(context, 'conversationComplete', 'routine', { decision });
    });
  const withdraw = () => turn((context): Promise<WithdrawResult> => handoffs.withdrawLatestShare(context));
  const summaries = () => turn(async (context) => (await kit.state.readProfile(context))?.summaries ?? []);

  it('links the share to its handoff, withdraws it before anyone opens it, and shares it with no later handoff', async () => {
    const handoff = await share('please text, don’t call');
    expect((await summaries())[0].handoffId).toBe(handoff.id);

    expect(await withdraw()).toEqual({ kind: 'withdrawn', at: expect.any(String) });
    const [decision] = await summaries();
    expect(decision.withdrawnAt).toEqual(expect.any(String));
    expect(await inbox.get(handoff.id)).toMatchObject({ status: 'withdrawn', withdrawn: { at: decision.withdrawnAt } });
    expect(JSON.stringify(await inbox.get(handoff.id))).not.toMatch(/get a job|please text/);

    expect(await withdraw()).toEqual({ kind: 'nothingToWithdraw' });
    // Asking for a person later builds on the latest decision: a withdrawn one is not consent any more.
    const later: HandoffSummary = await turn((context) => handoffs.request(context, 'askedForPerson', 'soon'));
    expect(later.consent.shared).toBe(false);
    expect(later.shared).toBeUndefined();
  });

  it('keeps a share a practitioner has opened, and withdraws only the latest', async () => {
    const first = await share('first note');
    await inbox.open(first.id, 'alex', new Date().toISOString());
    expect(await withdraw()).toEqual({ kind: 'alreadyOpened' });
    expect((await summaries())[0].withdrawnAt).toBeUndefined();
    expect((await inbox.get(first.id))?.summary.shared?.noteForPractitioner).toBe('first note');

    const second = await share('second note');
    expect(await withdraw()).toEqual({ kind: 'withdrawn', at: expect.any(String) });
    expect((await inbox.get(second.id))?.status).toBe('withdrawn');
    expect((await inbox.get(first.id))?.summary.shared?.noteForPractitioner).toBe('first note');
  });

  it('has nothing to withdraw when nothing was shared', async () => {
    expect(await withdraw()).toEqual({ kind: 'nothingToWithdraw' });
    await turn((context) =>
      kit.state.updateProfile(context, (profile) => {
        profile.summaries.push({ id: 'd1', decidedAt: new Date().toISOString(), shared: false, removed: [] });
      }),
    );
    expect(await withdraw()).toEqual({ kind: 'nothingToWithdraw' });
  });
});

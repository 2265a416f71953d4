// When a turn fails: a kind reply in the young person's language, where they were in the dialogs is cleared so a
// broken step cannot trap them, what they told us stays, and the log line has no words of theirs.
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState } from 'botbuilder';
import { BotState } from '../../src/bot/state';
import { setTurnLanguage } from '../../src/bot/turnLanguage';
import { createI18n } from '../../src/i18n';
import { createLogger } from '../../src/log';
import { createAdapter } from '../../src/server/adapter';

describe('a failed turn', () => {
  it('gets a kind reply, clears the dialog position, keeps the profile, and logs no user text', async () => {
    const storage = new MemoryStorage();
    const state = new BotState(new ConversationState(storage), new UserState(storage));
    const lines: string[] = [];
    const adapter = createAdapter(
      { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
      state,
      createLogger('info', { write: (line: string) => lines.push(line) }),
    );
    const i18n = await createI18n('en');
    const sent: string[] = [];
    const testAdapter = new TestAdapter(async (context: TurnContext) => {
      setTurnLanguage(context, i18n, 'en');
      await state.updateProfile(context, (profile) => {
        profile.consent = { given: true, at: '2026-11-26T00:00:00.000Z' };
      });
      await state.dialogState.set(context, { dialogStack: [{ id: 'goalSettingDialog', state: {} }] });
      await state.saveChanges(context);
      context.onSendActivities(async (_ctx, activities, next) => {
        sent.push(...activities.map((activity) => activity.text ?? ''));
        return next();
      });
      await adapter.onTurnError(context, new Error('my secret words caused a crash'));
    });
    await testAdapter.send('my secret words').startTest();

    expect(sent).toEqual([
      'Sorry, something went wrong on my side. Your answers so far are safe. Please try again in a moment.',
    ]);
    const stored = Object.values((storage as unknown as { memory: Record<string, string | undefined> }).memory)
      .filter(Boolean)
      .map((item) => JSON.parse(item as string) as Record<string, unknown>);
    expect(stored.find((item) => item.profile)).toMatchObject({ profile: { consent: { given: true } } });
    expect(stored.find((item) => 'dialogState' in item)).toBeUndefined();
    expect(lines.join('\n')).toContain('turn failed');
    expect(lines.join('\n')).not.toContain('secret words');
  });
});

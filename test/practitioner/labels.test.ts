// The practitioner page's words come from locales/ through i18next: the page file holds no English of its own, the
// script is given every label as data, and the page is filled in the browser's language (English when not spoken).
import { readFileSync } from 'node:fs';
import { createI18n } from '../../src/i18n';
import { PRACTITIONER_PAGE_FILE, PractitionerPage, practitionerLabels } from '../../src/practitioner/page';

describe('practitioner page labels', () => {
  it('gives the script every label of the card and the page, as i18next has it, and the layout rules', async () => {
    const i18n = await createI18n('en');
    const labels = practitionerLabels(i18n, 'en');
    const t = i18n.getFixedT('en');
    expect(labels.strings['practitionerCard.reason.risk']).toBe(t('practitionerCard.reason.risk'));
    expect(labels.strings['practitionerCard.signals.kinds.self_harm']).toBe('Self-harm');
    expect(labels.strings['practitionerCard.goals.titleWord']).toBe('Their {{word}} (their word for goals)');
    expect(labels.strings['practitionerPage.inbox.count_other']).toBe('{{count}} handoffs');
    expect(labels.strings['choices.lifeArea.sleep']).toBe('Sleep');
    expect(labels.riskKinds).toEqual(['suicidal_thoughts', 'self_harm', 'abuse', 'immediate_danger']);
    expect(labels.sections.map((section) => section.id)).toEqual([
      'note',
      'risk',
      'preferences',
      'goals',
      'safetyPlan',
      'checkIns',
    ]);
  });

  it('keeps no second table of English in page.html: no label of several words is written there', async () => {
    const source = readFileSync(PRACTITIONER_PAGE_FILE, 'utf8');
    const { strings } = practitionerLabels(await createI18n('en'), 'en');
    const phrases = Object.values(strings).filter((text) => /\s/.test(text.replace(/\{\{\w+\}\}/g, '').trim()));
    expect(phrases.length).toBeGreaterThan(50);
    expect(phrases.filter((phrase) => source.includes(phrase))).toEqual([]);
  });

  it('fills every placeholder, in English for a language the bot does not speak, and gives the labels as JSON', async () => {
    const page = new PractitionerPage();
    const { html } = await page.render('fr-FR,fr;q=0.9');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/\{\{(lang|labels|label:)/);
    expect(html).toContain('<label for="token">Practitioner token</label>');
    const json = /<script type="application\/json" id="labels">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toMatchObject({ language: 'en', strings: { 'practitionerPage.detail.print': 'Print' } });
    expect(await page.render(undefined)).toBe(await page.render('en-GB'));
  });

  it("is in the browser's language when the bot speaks it, with that language's labels", async () => {
    const { html } = await new PractitionerPage().render('tr-TR,tr;q=0.9,en;q=0.5');
    const t = (await createI18n('en')).getFixedT('tr');
    expect(html).toContain('<html lang="tr">');
    expect(html).toContain(t('practitionerPage.signIn.tokenLabel'));
  });

  it('is in PRACTITIONER_LOCALE whatever the browser asks for', async () => {
    const page = new PractitionerPage('en', 'pt-BR');
    const { html } = await page.render('en-GB,en;q=0.9');
    expect(html).toContain('<html lang="pt-BR">');
    const json = /<script type="application\/json" id="labels">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const t = (await createI18n('en')).getFixedT('pt-BR');
    expect(JSON.parse(json)).toMatchObject({
      language: 'pt-BR',
      strings: { 'practitionerPage.detail.print': t('practitionerPage.detail.print') },
    });
  });
});

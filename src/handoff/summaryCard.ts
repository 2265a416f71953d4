// The handoff summary for a practitioner as an Adaptive Card 1.5 (for Teams) and as plain text, from one layout.
import { SAFETY_PLAN_SECTIONS } from '../bot/state';
import type { Translate } from '../i18n';
import { KIND_LEVEL } from '../safety/types';
import type { HandoffSummary } from './handoffSummary';

type Shared = NonNullable<HandoffSummary['shared']>;
type SharedGoal = NonNullable<Shared['goals']>[number];

/**
 * One layout, rendered twice. Every string in a block is final: values from the summary were put through `escape`
 * (markdown escaping for the card, nothing for plain text) before being interpolated into our own wording.
 */
type Block =
  | { kind: 'heading'; text: string; urgent?: boolean }
  | { kind: 'text'; text: string; attention?: boolean; subtle?: boolean; bold?: boolean }
  | { kind: 'facts'; facts: Array<[title: string, value: string]> }
  | { kind: 'group'; blocks: Block[] };

interface Section {
  blocks: Block[];
  /** Container style: the urgent header stands out; their own words sit on an emphasis background. */
  style?: 'attention' | 'warning' | 'emphasis';
}

/**
 * Backslash-escapes what the Adaptive Card markdown subset (and Teams' fuller one) would reformat, so the young
 * person's words show as they typed them: emphasis, links, code, strikethrough, `{{DATE()}}` functions, and at the
 * start of a line headings, quotes, list markers and setext underlines.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]~<]/g, '\\$&')
    .replace(/^([ \t]*)([#>+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

const plain = (text: string) => text;

/** A time as the practitioner reads it (in UTC, so card and text agree); an unreadable time as it was given. */
function when(iso: string, t: Translate, escape: (text: string) => string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? escape(iso) : t('practitionerCard.time', { at: date });
}

/** +4, −2 (a real minus sign), or "no change". */
function signed(change: number, t: Translate): string {
  if (change === 0) return t('practitionerCard.goals.noChange');
  return change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`;
}

function layout(summary: HandoffSummary, t: Translate, escape: (text: string) => string): Section[] {
  const at = (iso: string) => when(iso, t, escape);
  const urgent = summary.urgency === 'immediate';
  const urgency = t(`practitionerCard.urgency.${summary.urgency}`);
  const reason = t(`practitionerCard.reason.${summary.reason}`);

  const header: Block[] = [{ kind: 'heading', text: t('practitionerCard.heading', { urgency, reason }), urgent }];
  if (urgent) header.push({ kind: 'text', text: t('practitionerCard.urgentNow'), attention: true, bold: true });
  header.push({
    kind: 'facts',
    facts: [
      [t('practitionerCard.facts.urgency'), urgency],
      [t('practitionerCard.facts.reason'), reason],
      [t('practitionerCard.facts.received'), at(summary.createdAt)],
      [t('practitionerCard.facts.service'), escape(summary.service)],
      [t('practitionerCard.facts.language'), t(`practitionerCard.language.${summary.language}`)],
      ...(summary.referral
        ? [[t('practitionerCard.facts.referral'), escape(summary.referral)] as [string, string]]
        : []),
    ],
  });

  const { consent } = summary;
  const consentSection: Block[] = [
    { kind: 'heading', text: t('practitionerCard.consent.title') },
    {
      kind: 'facts',
      facts: [
        [
          t('practitionerCard.facts.keptAnswers'),
          t(consent.keepAnswers ? 'practitionerCard.consent.keptYes' : 'practitionerCard.consent.keptNo'),
        ],
        [
          t('practitionerCard.facts.shared'),
          !consent.shared
            ? t('practitionerCard.consent.sharedNo')
            : consent.decidedAt
              ? t('practitionerCard.consent.sharedYesAt', { at: at(consent.decidedAt) })
              : t('practitionerCard.consent.sharedYes'),
        ],
      ],
    },
  ];

  const signals: Block[] = [
    { kind: 'heading', text: t('practitionerCard.signals.title') },
    { kind: 'text', text: t('practitionerCard.signals.hint'), subtle: true },
  ];
  if (summary.safetyCheckFailed) {
    signals.push({ kind: 'text', text: t('practitionerCard.signals.safetyCheckFailed'), attention: true });
  }
  if (summary.signals.length > 0) {
    signals.push({
      kind: 'facts',
      facts: summary.signals.map((signal) => {
        const kind = t(`practitionerCard.signals.kinds.${signal.kind}`);
        return [
          KIND_LEVEL[signal.kind] === 'risk' ? t('practitionerCard.signals.risk', { kind }) : kind,
          at(signal.at),
        ];
      }),
    });
  } else if (!summary.safetyCheckFailed) {
    signals.push({ kind: 'text', text: t('practitionerCard.signals.none') });
  }

  const sections: Section[] = [
    { blocks: header, style: urgent ? 'attention' : summary.urgency === 'soon' ? 'warning' : 'emphasis' },
    { blocks: consentSection },
    { blocks: signals },
  ];
  const shared = summary.shared;
  if (!shared || Object.keys(shared).length === 0) {
    const notice = consent.shared ? 'practitionerCard.sharedButEmpty' : 'practitionerCard.notShared';
    sections.push({ blocks: [{ kind: 'text', text: t(notice) }] });
    return sections;
  }
  return [...sections, ...sharedSections(shared, t, escape, at)];
}

/** The young person's own content, in the order a practitioner reads it: their note first. */
function sharedSections(
  shared: Shared,
  t: Translate,
  escape: (text: string) => string,
  at: (iso: string) => string,
): Section[] {
  const sections: Section[] = [];
  if (shared.noteForPractitioner) {
    sections.push({
      style: 'emphasis',
      blocks: [
        { kind: 'heading', text: t('practitionerCard.note.title') },
        { kind: 'text', text: escape(shared.noteForPractitioner) },
      ],
    });
  }

  const preferences = shared.preferences;
  if (preferences) {
    const facts: Array<[string, string]> = [];
    if (preferences.goalWork) {
      facts.push([
        t('practitionerCard.preferences.goalWork'),
        t(`practitionerCard.preferences.goalWorkChoices.${preferences.goalWork}`),
      ]);
    }
    if (preferences.pastExperience) {
      facts.push([
        t('practitionerCard.preferences.pastExperience'),
        t(`practitionerCard.preferences.pastExperienceChoices.${preferences.pastExperience}`),
      ]);
    }
    if (preferences.involved) {
      facts.push([
        t('practitionerCard.preferences.involved'),
        t(`practitionerCard.preferences.involvedChoices.${preferences.involved}`),
      ]);
    }
    const blocks: Block[] = [{ kind: 'heading', text: t('practitionerCard.preferences.title') }];
    if (facts.length > 0) blocks.push({ kind: 'facts', facts });
    if (preferences.goalWord) {
      blocks.push({
        kind: 'text',
        text: t('practitionerCard.preferences.goalWord', { word: escape(preferences.goalWord) }),
      });
    }
    if (blocks.length === 1) blocks.push({ kind: 'text', text: t('practitionerCard.preferences.notAnswered') });
    sections.push({ blocks });
  }

  if (shared.goals) {
    const word = preferences?.goalWord;
    const blocks: Block[] = [
      {
        kind: 'heading',
        text: word ? t('practitionerCard.goals.titleWord', { word: escape(word) }) : t('practitionerCard.goals.title'),
      },
    ];
    if (shared.goals.length === 0) blocks.push({ kind: 'text', text: t('practitionerCard.goals.none') });
    for (const goal of shared.goals) blocks.push({ kind: 'group', blocks: goalBlocks(goal, t, escape) });
    sections.push({ blocks });
  }

  if (shared.safetyPlan) {
    const plan = shared.safetyPlan;
    const blocks: Block[] = [{ kind: 'heading', text: t('practitionerCard.safetyPlan.title') }];
    for (const section of SAFETY_PLAN_SECTIONS) {
      const words = plan[section];
      if (!words) continue;
      blocks.push({
        kind: 'group',
        blocks: [
          { kind: 'text', text: t(`safetyPlan.headings.${section}`), bold: true },
          { kind: 'text', text: escape(words) },
        ],
      });
    }
    if (blocks.length === 1) blocks.push({ kind: 'text', text: t('practitionerCard.safetyPlan.empty') });
    sections.push({ blocks });
  }

  if (shared.checkIns) {
    const blocks: Block[] = [
      { kind: 'heading', text: t('practitionerCard.checkIns.title') },
      { kind: 'text', text: t('practitionerCard.checkIns.hint'), subtle: true },
    ];
    if (shared.checkIns.length === 0) blocks.push({ kind: 'text', text: t('practitionerCard.checkIns.none') });
    else {
      blocks.push({
        kind: 'facts',
        facts: shared.checkIns.map((checkIn) => [
          t('practitionerCard.checkIns.score', { score: checkIn.score }),
          at(checkIn.at),
        ]),
      });
    }
    sections.push({ blocks });
  }
  return sections;
}

function goalBlocks(goal: SharedGoal, t: Translate, escape: (text: string) => string): Block[] {
  const blocks: Block[] = [{ kind: 'text', text: escape(goal.text), bold: true }];
  if (goal.firstWording) {
    blocks.push({ kind: 'text', text: t('practitionerCard.goals.firstWording', { text: escape(goal.firstWording) }) });
  }
  blocks.push({
    kind: 'text',
    text: goal.firstStep
      ? t('practitionerCard.goals.firstStep', { step: escape(goal.firstStep) })
      : t('practitionerCard.goals.noFirstStep'),
  });
  blocks.push({
    kind: 'text',
    text: t('practitionerCard.goals.area', { area: t(`choices.lifeArea.${goal.area}`) }),
    subtle: true,
  });
  const progress = goal.progress;
  let progressText: string;
  if (!progress || goal.ratings.length === 0) progressText = t('practitionerCard.goals.notRated');
  else if (goal.ratings.length === 1) progressText = t('practitionerCard.goals.oneRating', { first: progress.first });
  else {
    const key = progress.reliable ? 'practitionerCard.goals.progressReliable' : 'practitionerCard.goals.progress';
    progressText = t(key, { first: progress.first, latest: progress.latest, change: signed(progress.change, t) });
  }
  blocks.push({ kind: 'text', text: progressText });
  return blocks;
}

// Rendering: Adaptive Card elements.

function cardElements(blocks: Block[]): Record<string, unknown>[] {
  return blocks.map((block): Record<string, unknown> => {
    switch (block.kind) {
      case 'heading':
        return {
          type: 'TextBlock',
          text: block.text,
          wrap: true,
          style: 'heading',
          weight: 'Bolder',
          ...(block.urgent ? { size: 'Large', color: 'Attention' } : { size: 'Medium' }),
        };
      case 'text':
        return {
          type: 'TextBlock',
          text: block.text,
          wrap: true,
          ...(block.bold ? { weight: 'Bolder' } : {}),
          ...(block.attention ? { color: 'Attention' } : {}),
          ...(block.subtle ? { isSubtle: true } : {}),
        };
      case 'facts':
        return { type: 'FactSet', facts: block.facts.map(([title, value]) => ({ title, value })) };
      case 'group':
        return { type: 'Container', separator: true, items: cardElements(block.blocks) };
    }
  });
}

/** The handoff summary as an Adaptive Card 1.5 for a practitioner (Teams): urgency first, their words only if shared. */
export function summaryCard(summary: HandoffSummary, t: Translate): Record<string, unknown> {
  const sections = layout(summary, t, escapeMarkdown);
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    // Shown where the card cannot render, and possibly in previews: the header only, never their words.
    fallbackText: t('practitionerCard.fallback', {
      urgency: t(`practitionerCard.urgency.${summary.urgency}`),
      reason: t(`practitionerCard.reason.${summary.reason}`),
      service: summary.service,
    }),
    body: sections.map((section, index) => ({
      type: 'Container',
      ...(index > 0 ? { spacing: 'Medium', separator: true } : {}),
      ...(section.style ? { style: section.style } : {}),
      items: cardElements(section.blocks),
    })),
  };
}

// Rendering: plain text.

function textLines(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
      case 'text':
        return [block.text];
      case 'facts':
        return block.facts.map(([title, value]) => `${title}: ${value}`);
      case 'group':
        return ['', ...textLines(block.blocks)];
    }
  });
}

/** The same content as plain text lines, sections separated by a blank line, nothing escaped. */
export function summaryText(summary: HandoffSummary, t: Translate): string {
  return layout(summary, t, plain)
    .map((section) => textLines(section.blocks).join('\n'))
    .join('\n\n');
}

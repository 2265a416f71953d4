// The handoff summary for a practitioner as an Adaptive Card 1.5 (for Teams) and as plain text, from one layout.
import { adaptiveCard, AdaptiveCardJson, Block, cardElements, safetyPlanBlocks, textLines } from '../cards/layout';
import { Escape, escapeMarkdown, plain } from '../cards/markdown';
import type { Translate } from '../i18n';
import { KIND_LEVEL } from '../safety/types';
import type { HandoffSummary } from './handoffSummary';

type Shared = NonNullable<HandoffSummary['shared']>;
type SharedGoal = NonNullable<Shared['goals']>[number];

/** The layout is blocks (see cards/layout.ts) in sections; every string in a block is final, already escaped. */
interface Section {
  blocks: Block[];
  /** Container style: the urgent header stands out; their own words sit on an emphasis background. */
  style?: 'attention' | 'warning' | 'emphasis';
}

/** A time as the practitioner reads it (in UTC, so card and text agree); an unreadable time as it was given. */
function when(iso: string, t: Translate, escape: Escape): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? escape(iso) : t('practitionerCard.time', { at: date });
}

/** +4, −2 (a real minus sign), or "no change". */
function signed(change: number, t: Translate): string {
  if (change === 0) return t('practitionerCard.goals.noChange');
  return change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`;
}

function layout(summary: HandoffSummary, t: Translate, escape: Escape): Section[] {
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
  if (summary.directQuestion) {
    const { askedBecause, answer } = summary.directQuestion;
    signals.push({
      kind: 'facts',
      facts: [
        [
          t('practitionerCard.directQuestion.label'),
          t('practitionerCard.directQuestion.fact', {
            answer: t(`practitionerCard.directQuestion.answers.${answer}`),
            because: t(`practitionerCard.directQuestion.because.${askedBecause}`),
            at: at(summary.directQuestion.at),
          }),
        ],
      ],
    });
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
function sharedSections(shared: Shared, t: Translate, escape: Escape, at: (iso: string) => string): Section[] {
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
    const blocks: Block[] = [
      { kind: 'heading', text: t('practitionerCard.safetyPlan.title') },
      ...safetyPlanBlocks(shared.safetyPlan, t, escape),
    ];
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

function goalBlocks(goal: SharedGoal, t: Translate, escape: Escape): Block[] {
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

/** The handoff summary as an Adaptive Card 1.5 for a practitioner (Teams): urgency first, their words only if shared. */
export function summaryCard(summary: HandoffSummary, t: Translate): AdaptiveCardJson {
  const sections = layout(summary, t, escapeMarkdown);
  return adaptiveCard({
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
  });
}

/** The same content as plain text lines, sections separated by a blank line, nothing escaped. */
export function summaryText(summary: HandoffSummary, t: Translate): string {
  return layout(summary, t, plain)
    .map((section) => textLines(section.blocks).join('\n'))
    .join('\n\n');
}

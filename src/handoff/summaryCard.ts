// The handoff summary for a practitioner as an Adaptive Card 1.5 (for Teams) and as plain text, from one layout.
import { adaptiveCard, AdaptiveCardJson, Block, cardElements, safetyPlanBlocks, textLines } from '../cards/layout';
import { Escape, escapeMarkdown, plain } from '../cards/markdown';
import type { Translate } from '../i18n';
import { KIND_LEVEL } from '../safety/types';
import type { SummarySection } from '../bot/state';
import { PRACTITIONER_SECTION_ORDER, SECTION_LABELS } from '../profile/describeProfile';
import type { HandoffSummary, SharedGoal, TeamsMember } from './handoffSummary';

type Shared = NonNullable<HandoffSummary['shared']>;

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
      ...whoAndHowToReach(summary, t, escape, at),
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
    { kind: 'heading', text: t(SECTION_LABELS.risk.practitionerLabelKey) },
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

  if (summary.rightNow) {
    signals.push({
      kind: 'facts',
      facts: [
        [
          t('practitionerCard.rightNow.label'),
          t('practitionerCard.rightNow.fact', {
            answer: t(`practitionerCard.directQuestion.answers.${summary.rightNow.answer}`),
            at: at(summary.rightNow.at),
          }),
        ],
      ],
    });
  }

  const opening: Section[] = [
    { blocks: header, style: urgent ? 'attention' : summary.urgency === 'soon' ? 'warning' : 'emphasis' },
    { blocks: consentSection },
  ];
  const shared = summary.shared;
  const holdsContent = shared !== undefined && Object.keys(shared).length > 0;
  const contentSections = shared ? sharedSections(shared, t, escape, at) : {};
  const notice: Section = {
    blocks: [
      { kind: 'text', text: t(consent.shared ? 'practitionerCard.sharedButEmpty' : 'practitionerCard.notShared') },
    ],
  };
  // The sections in the order a practitioner reads them; the fact of risk (signals) is there whatever was shared.
  const ordered = PRACTITIONER_SECTION_ORDER.flatMap((id): Section[] => {
    if (id === 'risk') return [{ blocks: signals }];
    const section = contentSections[id];
    return section ? [section] : [];
  });
  return [...opening, ...ordered, ...(holdsContent ? [] : [notice])];
}

/** Who they are in Teams: their name, their Entra object id, or both. */
function teamsMemberWords(member: TeamsMember, t: Translate, escape: Escape): string {
  const name = member.name && escape(member.name);
  const id = member.entraObjectId && escape(member.entraObjectId);
  if (!id) return name ?? '';
  return name
    ? t('practitionerCard.teamsMember.nameAndId', { name, id })
    : t('practitionerCard.teamsMember.idOnly', { id });
}

/** In Teams, who they are; and how they chose to be reached: header facts, as a practitioner acts on them first. */
function whoAndHowToReach(
  summary: HandoffSummary,
  t: Translate,
  escape: Escape,
  at: (iso: string) => string,
): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (summary.teamsMember) {
    facts.push([t('practitionerCard.facts.teamsMember'), teamsMemberWords(summary.teamsMember, t, escape)]);
  }
  const reach = summary.reach;
  if (reach) {
    const value = 'value' in reach ? escape(reach.value) : '';
    facts.push([
      t('practitionerCard.facts.reach'),
      t(`practitionerCard.reach.${reach.how}`, { value, at: at(reach.at) }),
    ]);
  }
  return facts;
}

/** The young person's own content, one card section per profile section their summary showed. */
function sharedSections(
  shared: Shared,
  t: Translate,
  escape: Escape,
  at: (iso: string) => string,
): Partial<Record<SummarySection, Section>> {
  const sections: Partial<Record<SummarySection, Section>> = {};
  if (shared.noteForPractitioner) {
    sections.note = {
      style: 'emphasis',
      blocks: [
        { kind: 'heading', text: t(SECTION_LABELS.note.practitionerLabelKey) },
        { kind: 'text', text: escape(shared.noteForPractitioner) },
      ],
    };
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
    const blocks: Block[] = [{ kind: 'heading', text: t(SECTION_LABELS.preferences.practitionerLabelKey) }];
    if (facts.length > 0) blocks.push({ kind: 'facts', facts });
    if (preferences.goalWord) {
      blocks.push({
        kind: 'text',
        text: t('practitionerCard.preferences.goalWord', { word: escape(preferences.goalWord) }),
      });
    }
    if (blocks.length === 1) blocks.push({ kind: 'text', text: t('practitionerCard.preferences.notAnswered') });
    sections.preferences = { blocks };
  }

  if (shared.goals) {
    const word = preferences?.goalWord;
    const blocks: Block[] = [
      {
        kind: 'heading',
        text: word
          ? t('practitionerCard.goals.titleWord', { word: escape(word) })
          : t(SECTION_LABELS.goals.practitionerLabelKey),
      },
    ];
    if (shared.goals.length === 0) blocks.push({ kind: 'text', text: t('practitionerCard.goals.none') });
    for (const goal of shared.goals) blocks.push({ kind: 'group', blocks: goalBlocks(goal, t, escape) });
    sections.goals = { blocks };
  }

  if (shared.safetyPlan) {
    const blocks: Block[] = [
      { kind: 'heading', text: t(SECTION_LABELS.safetyPlan.practitionerLabelKey) },
      ...safetyPlanBlocks(shared.safetyPlan, t, escape),
    ];
    if (blocks.length === 1) blocks.push({ kind: 'text', text: t('practitionerCard.safetyPlan.empty') });
    sections.safetyPlan = { blocks };
  }

  if (shared.checkIns || shared.noticed) {
    const checkIns = shared.checkIns ?? [];
    const blocks: Block[] = [
      { kind: 'heading', text: t(SECTION_LABELS.checkIns.practitionerLabelKey) },
      { kind: 'text', text: t('practitionerCard.checkIns.hint'), subtle: true },
    ];
    if (checkIns.length > 0) {
      blocks.push({
        kind: 'facts',
        facts: checkIns.map((checkIn) => [
          t('practitionerCard.checkIns.score', { score: checkIn.score }),
          at(checkIn.at),
        ]),
      });
    } else if (!shared.noticed) {
      blocks.push({ kind: 'text', text: t('practitionerCard.checkIns.none') });
    }
    if (shared.noticed) {
      blocks.push(
        { kind: 'text', text: t('practitionerCard.checkIns.noticed'), bold: true },
        {
          kind: 'facts',
          facts: shared.noticed.map((signal) => [t(`practitionerCard.signals.kinds.${signal.kind}`), at(signal.at)]),
        },
      );
    }
    sections.checkIns = { blocks };
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
  // Schema 1 handoffs carried the part of life, which the preview never showed; schema 2 leaves it out.
  if (goal.area) {
    blocks.push({
      kind: 'text',
      text: t('practitionerCard.goals.area', { area: t(`choices.lifeArea.${goal.area}`) }),
      subtle: true,
    });
  }
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

// Crisis lines as the lines of a chat message, in the young person's language, emergency number first.
import type { Translate } from '../i18n';
import type { Language } from '../i18n/languages';
import type { CrisisLine, CrisisResources } from './crisisResources';

function localised(line: CrisisLine, language: Language): { name: string; hours: string } {
  // Lines are written in the country's language, with English alongside for an English-speaking young person.
  const useEnglish = language === 'en' && line.language !== 'en';
  return {
    name: (useEnglish ? line.nameEn : undefined) ?? line.name,
    hours: (useEnglish ? line.hoursEn : undefined) ?? line.hours,
  };
}

export function crisisLineTexts(resources: CrisisResources, language: Language, t: Translate): string[] {
  const texts = [t('safetyReplies:lines.emergency', { phone: resources.emergencyNumber })];
  for (const line of resources.lines) {
    if (line.emergency) continue;
    const { name, hours } = localised(line, language);
    const values = { name, hours, phone: line.phone, text: line.text, chatUrl: line.chatUrl };
    if (line.phone && line.text) texts.push(`- ${t('safetyReplies:lines.phoneAndText', values)}`);
    else if (line.phone) texts.push(`- ${t('safetyReplies:lines.phone', values)}`);
    else if (line.text) texts.push(`- ${t('safetyReplies:lines.text', values)}`);
    if (line.chatUrl) texts.push(`- ${t('safetyReplies:lines.chat', values)}`);
  }
  return texts;
}

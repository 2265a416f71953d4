// "What do you know about me": everything kept about a young person, as plain lines and as a JSON export.
import type { Translate } from '../i18n';
import type { UserProfile } from '../bot/state';

export interface StoredDataDescription {
  lines: string[];
  json: string;
}

export function describeStoredData(profile: UserProfile | undefined, t: Translate): StoredDataDescription | undefined {
  if (!profile) return undefined;
  const lines = [t('commands.exportIntro')];
  if (profile.consent?.given) lines.push(t('commands.exportConsent', { date: profile.consent.at.slice(0, 10) }));
  for (const checkIn of profile.checkIns) {
    lines.push(t('commands.exportCheckIn', { date: checkIn.at.slice(0, 10), score: checkIn.score }));
  }
  return { lines, json: JSON.stringify({ profile }, null, 2) };
}

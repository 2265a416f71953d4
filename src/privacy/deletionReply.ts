// What the young person is told after "delete my data": exactly what went and what stayed, from the erasure report.
import type { Translate } from '../i18n';
import type { ErasureReport } from './erasure';

export function deletionReply(report: ErasureReport, t: Translate, serviceName: string): string {
  const count = (erasure: ErasureReport['handoffs'][number]) => report.handoffs.filter((h) => h === erasure).length;
  const removed = count('removed');
  const keptAsRead = count('keptAsRead');
  const keptFactOfRisk = count('keptFactOfRisk');
  if (keptAsRead === 0 && keptFactOfRisk === 0) {
    return removed === 0 ? t('commands.deleteDone') : t('commands.deleteDoneHandoffs', { count: removed, serviceName });
  }
  return [
    t('commands.deletePartly'),
    removed > 0 ? t('commands.deleteRemovedHandoffs', { count: removed, serviceName }) : '',
    keptAsRead > 0 ? t('commands.deleteKeptRead', { count: keptAsRead, serviceName }) : '',
    keptFactOfRisk > 0 ? t('commands.deleteRiskKept', { serviceName }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

import { takenProxyItems } from '../../../../shared/regiondocs/rules';
import type { CaseStatus } from '../../../../shared/cases/enums';
import type { Row } from '../../../../shared/protocol';
import type { ProxyStage } from './stages';

const STAGE_OF: Record<CaseStatus, ProxyStage> = {
  received: 'delivered',
  supplement: 'supplement',
  // The target's 不予受理 of a delivered case: it came back unaccepted, like a refusal on the way.
  refused: 'returned',
  accepted: 'accepted',
  handling: 'handling',
  reviewing: 'handling',
  approved: 'handling',
  denied: 'handling',
  concluded: 'concluded',
  delivered: 'concluded',
};

export function proxyStage(p: Pick<Row<'proxy_cases'>, 'status' | 'target_status'>): ProxyStage {
  if (p.status === 'outbox') return 'sending';
  if (p.status === 'refused') return 'returned';
  return p.target_status ? STAGE_OF[p.target_status] : 'delivered';
}

/** Newest first among those still moving, then the finished ones (concluded or returned), newest first. */
export function sortProxies(rows: readonly Row<'proxy_cases'>[]): Row<'proxy_cases'>[] {
  const finished = (p: Row<'proxy_cases'>) => ['concluded', 'returned'].includes(proxyStage(p));
  return [...rows].sort((a, b) => Number(finished(a)) - Number(finished(b)) || b.registered_at - a.registered_at);
}

/** The item codes this hall's points may take in for a hall above (regiondocs/rules takenProxyItems). */
export const proxyCatalogCodes = (docs: readonly Row<'region_documents'>[], overrides: readonly Row<'region_overrides'>[]): string[] =>
  takenProxyItems(
    docs.find((d) => d.kind === 'proxy_catalog'),
    overrides,
  );

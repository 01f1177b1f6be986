import { describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/protocol';
import { proxyCatalogCodes, proxyStage, sortProxies } from '../../../renderer/src/features/proxy/proxyView';

/** A proxy case at a village point as the region last told it: delivered to the city hall and concluded there. */
const concluded: Row<'proxy_cases'> = {
  id: 'px-1',
  hall_id: 'H3305',
  number: 'H3305-代-20261102-0001',
  item_code: 'SX-AMR-001',
  item_name: '企业设立登记',
  applicant_type: 'person',
  applicant_name: '王五',
  id_masked: '110105********002X',
  credit_code: null,
  phone: '138****8000',
  materials: '["申请书"]',
  note: '',
  agent_id: 'H3305-s-c01',
  agent_name: '李四',
  counter_id: 'H3305-c-01',
  status: 'delivered',
  registered_at: Date.parse('2026-11-02T01:00:00Z'),
  target_hall_id: 'H3301',
  target_hall_name: '市政务服务中心',
  target_case_id: 'case-9',
  target_case_number: 'H3301-20261102-0007',
  target_department_name: '市场监督管理局',
  decision_reason: null,
  delivered_at: Date.parse('2026-11-02T01:05:00Z'),
  target_status: 'concluded',
  target_paused: null,
  promised_due: '2026-11-16',
  statutory_due: '2026-11-23',
  accepted_at: Date.parse('2026-11-02T02:00:00Z'),
  concluded_at: Date.parse('2026-11-10T07:30:00Z'),
  result: 'approved',
  progress_version: 12,
  refusal_reason: null,
  refusal_text: null,
  refused_at: null,
  updated_at: Date.parse('2026-11-10T07:31:00Z'),
};

describe('a proxy case’s stage at the point', () => {
  it('follows its travel, then its case at the deciding hall', () => {
    expect(proxyStage({ status: 'outbox', target_status: null })).toBe('sending');
    expect(proxyStage({ status: 'delivered', target_status: null })).toBe('delivered');
    expect(proxyStage({ status: 'delivered', target_status: 'received' })).toBe('delivered');
    expect(proxyStage({ status: 'delivered', target_status: 'supplement' })).toBe('supplement');
    expect(proxyStage({ status: 'delivered', target_status: 'accepted' })).toBe('accepted');
    expect(proxyStage({ status: 'delivered', target_status: 'reviewing' })).toBe('handling');
    expect(proxyStage({ status: 'delivered', target_status: 'denied' })).toBe('handling');
    expect(proxyStage({ status: 'delivered', target_status: 'concluded' })).toBe('concluded');
    expect(proxyStage({ status: 'delivered', target_status: 'delivered' })).toBe('concluded');
    // Sent back on the way (no hall takes it) or by the deciding hall's staff.
    expect(proxyStage({ status: 'refused', target_status: null })).toBe('returned');
    expect(proxyStage({ status: 'refused', target_status: 'refused' })).toBe('returned');
  });

  it('lists the moving ones first, newest first, then the finished ones', () => {
    const at = (id: string, registered_at: number, over: Partial<Row<'proxy_cases'>> = {}) => ({
      ...concluded,
      id,
      registered_at,
      ...over,
    });
    const rows = [at('done', 5), at('old', 1, { status: 'outbox', target_status: null }), at('new', 3, { target_status: 'accepted' })];
    expect(sortProxies(rows).map((r) => r.id)).toEqual(['new', 'old', 'done']);
  });
});

describe('the proxy items a hall takes in', () => {
  const doc = (content: string, hall_level: Row<'region_documents'>['hall_level']): Row<'region_documents'> => ({
    id: 'H3305:proxy_catalog:levels',
    hall_id: 'H3305',
    kind: 'proxy_catalog',
    doc_key: 'levels',
    version: 2,
    content,
    hall_level,
    published_at: 1,
    applied_at: 2,
  });
  const catalog = JSON.stringify({ levels: { county: ['SX-A-01'], township: [], village: ['SX-AMR-001', 'SX-AMR-004'] } });
  const refusedAt = (revoked_at: number | null): Row<'region_overrides'> => ({
    id: 'o1',
    hall_id: 'H3305',
    kind: 'proxy_catalog',
    doc_key: 'levels',
    type: 'refuse_item',
    value: 'SX-AMR-004',
    note: '',
    made_by: 'H3305-s-admin',
    made_at: 3,
    revoked_at,
  });

  it('are its level’s list, less what its administrator refused (a revoked refusal counts no more)', () => {
    expect(proxyCatalogCodes([doc(catalog, 'village')], [])).toEqual(['SX-AMR-001', 'SX-AMR-004']);
    expect(proxyCatalogCodes([doc(catalog, 'village')], [refusedAt(null)])).toEqual(['SX-AMR-001']);
    expect(proxyCatalogCodes([doc(catalog, 'village')], [refusedAt(4)])).toEqual(['SX-AMR-001', 'SX-AMR-004']);
    expect(proxyCatalogCodes([doc(catalog, 'county')], [])).toEqual(['SX-A-01']);
  });

  it('are none without a catalog, at the city level, or from content this renderer cannot read', () => {
    expect(proxyCatalogCodes([], [])).toEqual([]);
    expect(proxyCatalogCodes([doc(catalog, 'city')], [])).toEqual([]);
    expect(proxyCatalogCodes([doc('{not json', 'village')], [])).toEqual([]);
    expect(proxyCatalogCodes([doc('{"levels":{}}', 'village')], [])).toEqual([]);
  });
});

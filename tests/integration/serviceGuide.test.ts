import { describe, expect, it } from 'vitest';
import { GUIDE_COLUMNS } from '../../shared/catalog/rows';
import { GuideAnswer, guidesOfService } from '../../shared/catalog/guide';
import { actors, ok } from '../support/actors';
import { demoHub, terminal } from '../support/hub';

/**
 * The service guide (办事指南, issue 16 item 5): the kiosk holds the public catalog's guide
 * columns by replication and nothing of the catalog's internal filing; the booking page asks the
 * hub (POST /book/guide); a manager's edit of an item's steps reaches both.
 */

const K = 'H3301-s-K'; // 婚姻登记 etc.

describe('the service guide', () => {
  it('reaches the kiosk by replication: the guide columns, not the kind, mode or internal keys', async () => {
    const hub = await demoHub();
    const items = hub.snapshot(terminal(hub, 'kiosk').id).tables.catalog_items!;
    expect(items.length).toBeGreaterThan(30);
    for (const item of items) {
      for (const c of GUIDE_COLUMNS) expect(item).toHaveProperty(c);
      expect(Object.keys(item).sort()).toEqual(
        ['id', 'hall_id', 'department_id', 'code', 'name', 'service_id', 'active', 'keywords', 'pinyin', ...GUIDE_COLUMNS].sort(),
      );
    }
    const marriage = guidesOfService(items as never, K).find((g) => g.name === '婚姻登记')!;
    expect(marriage).toMatchObject({ promisedLimit: 0, feeCents: 0, legalBasis: expect.stringContaining('婚姻登记条例') });
    expect(marriage.materials).toContain('申请人身份证明');
    expect(marriage.steps[0]).toBe('取号排队');
  });

  it('answers the booking page by service, follows the manager’s edit, and refuses an unknown service', async () => {
    const hub = await demoHub();
    const a = actors(hub);
    const post = async (body: unknown) => {
      const res = await fetch(`${hub.url}/book/guide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const first = await post({ serviceId: K });
    expect(first.status).toBe(200);
    const guide = GuideAnswer.parse(first.json);
    expect(guide.items.map((i) => i.name)).toEqual(['婚姻登记', '社会团体成立登记', '民办非企业单位成立登记', '殡葬服务机构设立许可']);
    // Nothing but the guide: no kind, mode, department or keywords.
    for (const item of first.json.items as Record<string, unknown>[])
      expect(Object.keys(item).sort()).toEqual(
        ['itemId', 'code', 'name', 'statutoryLimit', 'promisedLimit', 'limitUnit', 'feeCents', 'materials', 'legalBasis', 'steps'].sort(),
      );

    const row = hub.db.prepare("SELECT * FROM catalog_items WHERE name = '婚姻登记'").get() as Record<string, string | number | null>;
    const save = (over: Record<string, unknown>) =>
      a.manager('catalog.save', {
        itemId: row.id as string,
        item: {
          code: row.code,
          name: row.name,
          departmentId: row.department_id,
          kind: row.kind,
          mode: row.mode,
          statutoryLimit: row.statutory_limit,
          promisedLimit: row.promised_limit,
          limitUnit: row.limit_unit,
          feeCents: 900,
          materials: ['双方身份证', '双方户口簿'],
          legalBasis: row.legal_basis,
          serviceId: row.service_id,
          active: true,
          steps: ['双方到场取号', '填写声明书', '领证'],
          ...over,
        } as never,
      });
    ok(save({}));
    const after = GuideAnswer.parse((await post({ serviceId: K })).json).items.find((i) => i.name === '婚姻登记')!;
    expect(after).toMatchObject({ feeCents: 900, materials: ['双方身份证', '双方户口簿'], steps: ['双方到场取号', '填写声明书', '领证'] });
    const kioskRow = hub.snapshot(terminal(hub, 'kiosk').id).tables.catalog_items!.find((i) => i.id === row.id)!;
    expect(JSON.parse(kioskRow.steps as string)).toEqual(['双方到场取号', '填写声明书', '领证']);

    // A withdrawn item guides nobody.
    ok(save({ active: false }));
    expect(GuideAnswer.parse((await post({ serviceId: K })).json).items.map((i) => i.name)).not.toContain('婚姻登记');
    const unknown = await post({ serviceId: 'nope' });
    expect(unknown.status).toBe(404);
    expect((unknown.json.error as { reason: string }).reason).toBe('common.notFound');
    expect((await post({ serviceId: '' })).status).toBe(400);
    expect((await post({ serviceId: K, extra: 1 })).status).toBe(400);
  });
});

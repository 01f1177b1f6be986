import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from './actors';

/** 15 more queue services, to make the demo hall's 15 into a busy hall's 30. */
const EXTRA = [
  ['Q', '公证服务'],
  ['R', '法律援助'],
  ['S', '残疾人证办理'],
  ['T', '老年人优待证'],
  ['U', '出生医学证明'],
  ['V', '排污许可'],
  ['W', '取水许可'],
  ['X', '林木采伐许可'],
  ['Y', '烟草专卖零售许可'],
  ['AA', '粮食收购资格认定'],
  ['AB', '文化经营许可'],
  ['AC', '互联网上网服务营业场所许可'],
  ['AD', '出版物经营许可'],
  ['AE', '人防工程建设审批'],
  ['AF', '特种行业许可'],
] as const;

/**
 * The demo hall made busy: 30 services (each served by one of the 16 counters besides their own),
 * 16 clerks signed in, `perService` people waiting for each service, and a long notice. The extra
 * services are written as the seed writes its own (through the Store, so every replica gets them).
 */
export function busyHall(hub: Hub, perService = 3): { counterIds: string[]; serviceIds: string[] } {
  const h = hub.hallId;
  const counterIds = Array.from({ length: 16 }, (_, i) => `${h}-c-${String(i + 1).padStart(2, '0')}`);
  hub.store.transaction(() => {
    EXTRA.forEach(([prefix, name], i) => {
      const id = `${h}-s-${prefix}`;
      hub.store.upsert('services', {
        id,
        hall_id: h,
        department_id: `${h}-d-gen`,
        name,
        prefix,
        sort: 100 + i,
        is_open: 1,
        daily_cap: null,
        max_wait_min: 30,
        max_service_min: 20,
        queue_cap: 30,
        priority_run: 0,
        max_call_min: 5,
        ticket_from: null,
        ticket_until: null,
        priorities: 'normal,green,major,appointment',
      });
      const counterId = counterIds[i % 16]!;
      hub.store.upsert('counter_services', {
        id: `${counterId}-x-${prefix}`,
        hall_id: h,
        counter_id: counterId,
        service_id: id,
        position: 10 + i,
      });
    });
  });
  const a = actors(hub);
  const serviceIds = hub.store.all('services').map((s) => s.id);
  for (let round = 0; round < perService; round++)
    for (const serviceId of serviceIds) ok(a.kiosk('ticket.issue', { serviceId, priority: 'normal', confirm: null }));
  counterIds.forEach((counterId, i) => {
    const login = `c${String(i + 1).padStart(2, '0')}`;
    ok(a.clerk(i)('counter.signIn', { counterId, login, password: DEMO_PASSWORD }));
  });
  ok(
    a.manager('hall.setNotice', {
      text: '温馨提示：请保管好随身物品；办理不动产登记请携带不动产权证书原件；本中心工作日 9:00–17:00 办公，周六上午设延时服务窗口；如对服务不满意，请扫描窗口二维码评价或拨打 12345 政务服务热线。',
    }),
  );
  return { counterIds, serviceIds };
}

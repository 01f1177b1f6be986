import type { TerminalRole } from '../../shared/kernel/roles';
import { demoCatalog } from './demoCatalog';
import { hashPassword, hashToken, newToken } from '../kernel/credentials';
import { ALL_PRIORITIES, type HallSetupSheet } from '../../shared/setup/sheet';
import { hubIds, importSheet, type SetupIds } from './features/setup/apply';
import type { Store } from './store';

/**
 * The demo hall, seeded on the first start of a standalone hall. Its staff share one published
 * demo password; a real hall is created without any (the administrator sets them).
 */
export const DEMO_PASSWORD = 'demo1234';
/** Where a demo hall's terminal tokens are kept, in the data directory. */
export const DEMO_TOKENS_FILE = 'demo-terminals.json';

interface DemoService {
  prefix: string;
  name: string;
  /** Tickets a day, where the department limits them. */
  cap?: number;
}
const departments: { key: string; name: string; services: DemoService[] }[] = [
  {
    key: 'amr',
    name: '市场监督管理局',
    services: [
      { prefix: 'A', name: '企业开办' },
      { prefix: 'B', name: '个体工商户登记' },
    ],
  },
  {
    key: 'hrss',
    name: '人力资源和社会保障局',
    services: [
      { prefix: 'C', name: '社保参保登记' },
      { prefix: 'D', name: '就业创业服务' },
    ],
  },
  {
    key: 'psb',
    name: '公安局',
    services: [
      { prefix: 'E', name: '户籍业务' },
      { prefix: 'F', name: '出入境证件', cap: 120 },
    ],
  },
  { key: 're', name: '不动产登记中心', services: [{ prefix: 'G', name: '不动产登记' }] },
  { key: 'tax', name: '税务局', services: [{ prefix: 'H', name: '税务综合业务' }] },
  { key: 'hpf', name: '住房公积金中心', services: [{ prefix: 'J', name: '公积金提取与贷款' }] },
  { key: 'civ', name: '民政局', services: [{ prefix: 'K', name: '婚姻登记', cap: 60 }] },
  { key: 'tra', name: '交通运输局', services: [{ prefix: 'L', name: '道路运输许可' }] },
  { key: 'mi', name: '医疗保障局', services: [{ prefix: 'M', name: '医保业务' }] },
  { key: 'hc', name: '住房和城乡建设局', services: [{ prefix: 'N', name: '建筑工程施工许可' }] },
  { key: 'hw', name: '卫生健康委员会', services: [{ prefix: 'P', name: '医疗机构执业登记' }] },
  { key: 'gen', name: '综合受理', services: [{ prefix: 'Z', name: '综合咨询' }] },
];

/** Counter number → the prefixes it serves, in its work-profile order; zone = floor. */
const counters: { number: number; zone: string; prefixes: string[]; clerk: string }[] = [
  { number: 1, zone: '一楼', prefixes: ['A', 'B'], clerk: '王晓明' },
  { number: 2, zone: '一楼', prefixes: ['A', 'B'], clerk: '李红梅' },
  { number: 3, zone: '一楼', prefixes: ['B', 'A'], clerk: '张建国' },
  { number: 4, zone: '一楼', prefixes: ['C', 'D'], clerk: '刘芳' },
  { number: 5, zone: '一楼', prefixes: ['D', 'C'], clerk: '陈志强' },
  { number: 6, zone: '一楼', prefixes: ['E'], clerk: '杨丽' },
  { number: 7, zone: '一楼', prefixes: ['F', 'E'], clerk: '赵磊' },
  { number: 8, zone: '一楼', prefixes: ['Z'], clerk: '黄静' },
  { number: 9, zone: '二楼', prefixes: ['G'], clerk: '周涛' },
  { number: 10, zone: '二楼', prefixes: ['G'], clerk: '吴敏' },
  { number: 11, zone: '二楼', prefixes: ['H'], clerk: '徐刚' },
  { number: 12, zone: '二楼', prefixes: ['J', 'H'], clerk: '孙悦' },
  { number: 13, zone: '二楼', prefixes: ['K'], clerk: '马超' },
  { number: 14, zone: '二楼', prefixes: ['L', 'N'], clerk: '朱琳' },
  { number: 15, zone: '二楼', prefixes: ['M'], clerk: '胡伟' },
  { number: 16, zone: '二楼', prefixes: ['N', 'P'], clerk: '郭婷' },
];

export interface DemoTerminal {
  id: string;
  role: TerminalRole;
  name: string;
  counterId: string | null;
  token: string;
}

export interface HallIdentity {
  id: string;
  code: string;
  name: string;
}

export const DEMO_HALL: HallIdentity = { id: 'H3301', code: 'H3301', name: '示范市政务服务中心' };

/** Creates a terminal and returns its token: the only time the plain token exists. */
export function createTerminal(
  store: Store,
  hallId: string,
  t: { id: string; role: TerminalRole; name: string; counterId: string | null; zone?: string },
  now: number,
): string {
  const token = newToken(t.id);
  store.upsert(
    'terminals',
    {
      id: t.id,
      hall_id: hallId,
      role: t.role,
      name: t.name,
      counter_id: t.counterId,
      zone: t.zone ?? '',
      created_at: now,
      revoked_at: null,
      confirm_locked_until: null,
    },
    { token_hash: hashToken(token) },
  );
  return token;
}

/** Creates a new hall's row (inside the caller's transaction). */
export function seedHall(store: Store, hall: HallIdentity): void {
  store.upsert('halls', {
    ...hall,
    notice: '',
    queue_settings: '{}',
    security_settings: '{}',
    case_settings: '{}',
    rating_settings: '{}',
    booking_settings: '{}',
    report_pack_settings: '{}',
  });
}

/** The demo hall's terminals: a clerk PC at each counter, a kiosk, a display, an evaluator and the manager PC. */
function demoTerminalsOf(h: string): Omit<DemoTerminal, 'token'>[] {
  return [
    ...counters.map((c) => ({
      id: `${h}-t-clerk-${c.number}`,
      role: 'clerk' as const,
      name: `${c.number}号窗口电脑`,
      counterId: counterIdOf(h, c.number),
    })),
    { id: `${h}-t-kiosk-1`, role: 'kiosk', name: '一楼取号机', counterId: null },
    { id: `${h}-t-display-1`, role: 'display', name: '大厅叫号屏', counterId: null },
    { id: `${h}-t-evaluator-1`, role: 'evaluator', name: '1号窗口评价器', counterId: counterIdOf(h, 1) },
    { id: `${h}-t-manager-1`, role: 'manager', name: '大厅管理电脑', counterId: null },
  ];
}
const counterIdOf = (h: string, n: number) => `${h}-c-${String(n).padStart(2, '0')}`;

/**
 * New tokens for the demo terminals still in service (inside the caller's transaction): for a demo
 * hall whose tokens file was lost, since the hub keeps only the tokens' hashes.
 */
export function reissueDemoTokens(store: Store): DemoTerminal[] {
  const live = store.db.prepare('SELECT role, name, counter_id FROM terminals WHERE id = ? AND revoked_at IS NULL');
  const setToken = store.db.prepare('UPDATE terminals SET token_hash = ? WHERE id = ?');
  const { id: hallId } = store.db.prepare('SELECT id FROM halls LIMIT 1').get() as { id: string };
  return demoTerminalsOf(hallId).flatMap(({ id }) => {
    const row = live.get(id) as { role: TerminalRole; name: string; counter_id: string | null } | undefined;
    if (!row) return [];
    const token = newToken(id);
    setToken.run(hashToken(token), id);
    return [{ id, role: row.role, name: row.name, counterId: row.counter_id, token }];
  });
}

/** The demo hall as a setup sheet: seeded the way a hall imports its own. */
export function demoSheet(identity: HallIdentity = DEMO_HALL): HallSetupSheet {
  return {
    hall: { name: identity.name, code: identity.code, utcOffsetMinutes: 480 },
    zones: [...new Set(counters.map((c) => c.zone))],
    departments: departments.map((d) => d.name),
    services: departments.flatMap((d) =>
      d.services.map((s) => ({
        prefix: s.prefix,
        name: s.name,
        department: d.name,
        dailyCap: s.cap ?? null,
        maxWaitMin: 30,
        maxServiceMin: 20,
        ticketFrom: null,
        ticketUntil: null,
        priorities: [...ALL_PRIORITIES],
      })),
    ),
    counters: counters.map((c) => ({
      number: c.number,
      name: `${c.number}号窗口`,
      zone: c.zone,
      // The general enquiry and real-estate counters take whoever waited longest; the others work in order.
      profile: c.prefixes.length === 1 ? 'longest_wait' : 'ordered',
      services: c.prefixes,
    })),
    staff: [
      { login: 'manager', name: '林主任', role: 'manager', department: null, displayName: '林主任' },
      { login: 'admin', name: '系统管理员', role: 'admin', department: null, displayName: '系统管理员' },
      ...counters.map((c) => ({
        login: clerkLogin(c.number),
        name: c.clerk,
        role: 'clerk' as const,
        department: departments.find((d) => d.services.some((s) => s.prefix === c.prefixes[0]))!.name,
        // Applicants see a clerk's surname and number, not the full name.
        displayName: `${c.clerk[0]}工 ${String(c.number).padStart(3, '0')}`,
        // The hall's public staff number, printed on badges: not the login.
        staffNo: `3301${String(c.number).padStart(3, '0')}`,
      })),
    ],
  };
}
const clerkLogin = (n: number) => `c${String(n).padStart(2, '0')}`;

/**
 * The demo sheet's rows keep the ids the demo hall has always had (tests and saved demo tokens
 * name them): departments by their short key, clerks by counter number.
 */
function demoIds(h: string): SetupIds {
  const hub = hubIds(h);
  return {
    ...hub,
    zone: (name) => `${h}-z-${Buffer.from(name).toString('hex')}`,
    department: (name) => `${h}-d-${departments.find((d) => d.name === name)!.key}`,
    staff: (login) => `${h}-u-${{ manager: 'mgr', admin: 'admin' }[login] ?? String(Number(login.slice(1)))}`,
  };
}

/**
 * Seeds the demo hall into an empty database (inside the caller's transaction); returns the demo
 * terminals with their tokens. Under another identity it is the same hall with other ids, as a
 * region's demo and tests need several halls.
 */
export function seedDemoHall(store: Store, now: number, identity: HallIdentity = DEMO_HALL): DemoTerminal[] {
  const h = identity.id;
  seedHall(store, identity);
  store.patch('halls', h, { notice: `欢迎来到${identity.name}。办事请先取号，留意叫号屏幕与语音提示。` });
  importSheet({ store, hallId: h, now }, demoSheet(identity), demoIds(h));
  // Every demo login shares the published demo password.
  store.db.prepare('UPDATE staff SET password_hash = ?').run(hashPassword(DEMO_PASSWORD));
  // Separation of duties in the departments with more than one counter: 市场监管 has a reviewer (c02)
  // and its head (c03) besides clerk c01; in the others the second clerk reviews and heads.
  for (const [key, reviewer, head] of [
    ['amr', 2, 3],
    ['hrss', 5, 5],
    ['psb', 7, 7],
    ['re', 10, 10],
  ] as const) {
    const staffId = `${h}-u-${reviewer}`;
    store.upsert('staff_duties', { id: `${staffId}:reviewer`, hall_id: h, staff_id: staffId, duty: 'reviewer', held: 1, set_at: now });
    store.patch('departments', `${h}-d-${key}`, { head_staff_id: `${h}-u-${head}` });
  }
  for (const item of demoCatalog(h)) store.upsert('catalog_items', item);
  return demoTerminalsOf(h).map((t) => ({ ...t, token: createTerminal(store, h, t, now) }));
}

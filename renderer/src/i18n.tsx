import { createContext, useContext, useState, type ReactNode } from 'react';

/** zh-CN is the product's language; English is offered for visitors and foreign staff. */
const zh = {
  'app.title': '政务服务大厅',
  'lang.switch': 'English',
  'conn.connecting': '正在连接大厅服务器…',
  'conn.connected': '已连接',
  'conn.reconnecting': '与大厅服务器的连接已断开，正在重连',
  'conn.unauthenticated': '本终端未授权，请输入终端令牌',
  'conn.pending': '{n} 条记录待同步',
  'token.title': '终端授权',
  'token.label': '终端令牌',
  'token.hint': '令牌由大厅管理员在创建终端时提供（演示大厅见 demo-terminals.json）。',
  'token.save': '保存并连接',
  'clerk.signin.title': '窗口签到',
  'clerk.login': '工号',
  'clerk.password': '密码',
  'clerk.signin': '签到',
  'clerk.counter': '{n}号窗口',
  'clerk.state.open': '工作中',
  'clerk.state.paused': '暂停服务',
  'clerk.state.closed': '未签到',
  'clerk.since': '自 {t} 起',
  'clerk.pause': '暂停',
  'clerk.resume': '恢复服务',
  'clerk.signout': '签退',
  'clerk.pause.title': '暂停原因',
  'clerk.pause.other': '其他原因',
  'clerk.pause.confirm': '确认暂停',
  'clerk.cancel': '取消',
  'clerk.why.needHub': '需要连接大厅服务器',
  'clerk.why.notPaused': '窗口未暂停',
  'clerk.why.notOpen': '窗口未处于工作状态',
  'clerk.staff': '工作人员',
  'clerk.noCounter': '本终端未绑定窗口，请联系大厅管理员。',
  'inq.title': '首问负责 · 咨询登记',
  'inq.topic': '咨询事项',
  'inq.detail': '情况说明',
  'inq.record': '登记',
  'inq.open': '我的未办结咨询',
  'inq.none': '暂无未办结咨询',
  'inq.resolve': '办结',
  'inq.resolution': '办理结果',
  'inq.queued': '已保存，联网后自动同步',
  'board.title': '大厅实时看板',
  'board.open': '工作中',
  'board.paused': '暂停',
  'board.closed': '未开放',
  'board.offline': '离线',
  'board.for': '已持续 {d}',
  'board.notice': '大屏滚动通知',
  'board.publish': '发布通知',
  'board.published': '已发布',
  'display.counters': '服务窗口',
  'display.open': '服务中',
  'display.paused': '暂停服务',
  'display.offline': '叫号屏与服务器的连接已断开，正在自动重连…',
  'setup.title': '终端设置',
  'setup.mode': '运行方式',
  'setup.mode.standalone': '单机大厅（本机运行大厅服务器）',
  'setup.mode.terminal': '联网终端（连接大厅服务器）',
  'setup.role': '终端角色',
  'setup.hubUrl': '大厅服务器地址',
  'setup.token': '终端令牌',
  'setup.faces': '本机打开的界面',
  'setup.hubPort': '大厅服务器端口',
  'setup.monitor': '叫号大屏所在显示器（序号）',
  'setup.save': '保存设置（重启后生效）',
  'setup.saved': '设置已保存，重启后生效',
  'role.clerk': '窗口工作台',
  'role.kiosk': '取号机',
  'role.display': '叫号大屏',
  'role.evaluator': '评价器',
  'role.manager': '大厅管理',
  'face.unknown': '请选择界面',
} as const;
type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'app.title': 'Service Hall',
  'lang.switch': '中文',
  'conn.connecting': 'Connecting to the hall server…',
  'conn.connected': 'Connected',
  'conn.reconnecting': 'Lost the hall server; reconnecting',
  'conn.unauthenticated': 'This terminal is not authorized: enter its token',
  'conn.pending': '{n} records waiting to sync',
  'token.title': 'Terminal authorization',
  'token.label': 'Terminal token',
  'token.hint': 'The hall manager gives the token when creating the terminal (demo hall: demo-terminals.json).',
  'token.save': 'Save and connect',
  'clerk.signin.title': 'Sign in to the counter',
  'clerk.login': 'Staff ID',
  'clerk.password': 'Password',
  'clerk.signin': 'Sign in',
  'clerk.counter': 'Window {n}',
  'clerk.state.open': 'Serving',
  'clerk.state.paused': 'Paused',
  'clerk.state.closed': 'Signed out',
  'clerk.since': 'since {t}',
  'clerk.pause': 'Pause',
  'clerk.resume': 'Resume',
  'clerk.signout': 'Sign out',
  'clerk.pause.title': 'Reason for the pause',
  'clerk.pause.other': 'Other reason',
  'clerk.pause.confirm': 'Pause now',
  'clerk.cancel': 'Cancel',
  'clerk.why.needHub': 'Needs the hall server',
  'clerk.why.notPaused': 'The counter is not paused',
  'clerk.why.notOpen': 'The counter is not serving',
  'clerk.staff': 'Staff',
  'clerk.noCounter': 'This terminal has no counter; ask the hall manager.',
  'inq.title': 'First-contact enquiries',
  'inq.topic': 'Subject',
  'inq.detail': 'Details',
  'inq.record': 'Record',
  'inq.open': 'My open enquiries',
  'inq.none': 'No open enquiries',
  'inq.resolve': 'Resolve',
  'inq.resolution': 'Outcome',
  'inq.queued': 'Saved; it syncs when the server is back',
  'board.title': 'Hall board',
  'board.open': 'Serving',
  'board.paused': 'Paused',
  'board.closed': 'Closed',
  'board.offline': 'Offline',
  'board.for': 'for {d}',
  'board.notice': 'Lobby screen notice',
  'board.publish': 'Publish notice',
  'board.published': 'Published',
  'display.counters': 'Windows',
  'display.open': 'Open',
  'display.paused': 'Paused',
  'display.offline': 'The display lost the hall server; reconnecting…',
  'setup.title': 'Terminal setup',
  'setup.mode': 'Mode',
  'setup.mode.standalone': 'Standalone hall (this PC runs the hall server)',
  'setup.mode.terminal': 'Networked terminal (connects to the hall server)',
  'setup.role': 'Role',
  'setup.hubUrl': 'Hall server address',
  'setup.token': 'Terminal token',
  'setup.faces': 'Screens to open on this PC',
  'setup.hubPort': 'Hall server port',
  'setup.monitor': 'Monitor for the lobby display (index)',
  'setup.save': 'Save (applies after restart)',
  'setup.saved': 'Saved; applies after restart',
  'role.clerk': 'Clerk workstation',
  'role.kiosk': 'Ticket kiosk',
  'role.display': 'Lobby display',
  'role.evaluator': 'Evaluator',
  'role.manager': 'Hall manager',
  'face.unknown': 'Choose a screen',
};

export type Language = 'zh-CN' | 'en';
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

const I18n = createContext<{ t: Translate; language: Language; setLanguage: (l: Language) => void } | null>(null);

export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initial);
  const dict: Record<Key, string> = language === 'en' ? en : zh;
  const t: Translate = (key, vars) => dict[key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars?.[v] ?? ''));
  return <I18n.Provider value={{ t, language, setLanguage }}>{children}</I18n.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18n);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function LanguageToggle() {
  const { t, language, setLanguage } = useI18n();
  return (
    <button type="button" className="lang" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
      {t('lang.switch')}
    </button>
  );
}

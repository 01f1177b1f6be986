import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HallError } from '../../../shared/kernel/errors';
import type { REFUSALS } from '../../../shared/protocol/refusals';
import type { Words } from './labels';
import { fill } from '../../../shared/kernel/labels';
import type { zhCN } from './zh-CN';
import { zhLobby } from './zh-CN/lobby';

/** zh-CN is the product's language; English is offered for visitors and foreign staff. */
export type Language = 'zh-CN' | 'en';
export type Key = keyof typeof zhCN;
export type Vars = Record<string, string | number>;
export type Translate = (key: Key, vars?: Vars) => string;

type Dictionary = Words<typeof zhCN>;
/**
 * Every page's first load holds the lobby's Chinese words (see zh-CN/lobby): all the lobby display
 * ever shows, so a display downloads no other words. Their English loads only for a page shown in
 * English, before it shows it (`lobbyWords`). Every other page loads the whole dictionary of its
 * language, with the refusals' index, before it first renders (`withAllWords`).
 */
const LOBBY: Partial<Record<Language, Partial<Dictionary>>> = { 'zh-CN': zhLobby };
const whole: Partial<Record<Language, Dictionary>> = {};
let refusals: typeof REFUSALS | undefined;
const wholeLoads = new Map<Language, Promise<void>>();
/** Set once a page that needs the whole dictionary has opened: a language switch then loads it too. */
let wantWhole = false;
/** The language the provider shows, for a page loading its words before it renders. */
let shownLanguage: Language = 'zh-CN';
const onWordsLoaded = new Set<() => void>();

/** Resolves once the lobby's words in `language` are at hand (at once for Chinese). */
export function lobbyWords(language: Language): Promise<void> {
  if (LOBBY[language]) return Promise.resolve();
  return import('./en/lobby').then((m) => {
    LOBBY.en = m.enLobby;
    for (const listener of onWordsLoaded) listener();
  });
}

function loadWhole(language: Language): Promise<void> {
  let load = wholeLoads.get(language);
  if (!load) {
    const words = language === 'en' ? import('./en').then((m) => m.en) : import('./zh-CN').then((m) => m.zhCN);
    load = Promise.all([words, import('../../../shared/protocol/refusals')]).then(([dictionary, r]) => {
      whole[language] = dictionary;
      refusals = r.REFUSALS;
      for (const listener of onWordsLoaded) listener();
    });
    wholeLoads.set(language, load);
  }
  return load;
}

/** A page other than the lobby display: resolves once its module and all its words are loaded. */
export function withAllWords<T>(page: Promise<T>): Promise<T> {
  wantWhole = true;
  return Promise.all([page, loadWhole(shownLanguage)]).then(([module]) => module);
}

/** A key's words in `language`, else (while that language loads) in Chinese, else the key itself. */
const wordsOf = (language: Language, key: string): string | undefined => {
  const lookup = (d: Partial<Dictionary> | undefined) => (d as Readonly<Record<string, string>> | undefined)?.[key];
  return lookup(whole[language]) ?? lookup(LOBBY[language]) ?? lookup(whole['zh-CN']) ?? lookup(LOBBY['zh-CN']);
};

export { fill } from '../../../shared/kernel/labels';

/** Fills a text's places with elements (a part in another language marked as such). */
const fillNodes = (text: string, vars: Record<string, ReactNode>): ReactNode[] =>
  text.split(/\{(\w+)\}/g).map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{vars[part]}</Fragment>));

interface I18nContext {
  language: Language;
  setLanguage: (l: Language) => void;
  t: Translate;
  /**
   * A refusal in the reader's language: by its reason (`reason.<key>`, its coded values labelled)
   * when the hub gave one this face knows; else zh-CN shows the hub's Chinese message and any other
   * language the label of the refusal's code.
   */
  tError: (error: HallError) => string;
  /** Like `t`, its places filled with elements. */
  tNodes: (key: Key, vars: Record<string, ReactNode>) => ReactNode[];
}

const I18n = createContext<I18nContext | null>(null);

export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(() => (shownLanguage = initial));
  // Renders again when words arrive.
  const [, setLoads] = useState(0);
  useEffect(() => {
    const listener = () => setLoads((n) => n + 1);
    onWordsLoaded.add(listener);
    return () => void onWordsLoaded.delete(listener);
  }, []);
  useEffect(() => {
    shownLanguage = language;
    // The page says its language, for screen readers, fonts and hyphenation (Chinese parts say theirs).
    document.documentElement.lang = language;
    if (wantWhole) void loadWhole(language);
  }, [language]);
  const words = (key: string): string | undefined => wordsOf(language, key);
  const t: Translate = (key, vars) => fill(words(key) ?? key, vars);
  const tError = (e: HallError) => {
    const spec = e.reason ? refusals?.get(e.reason) : undefined;
    const text = spec && words(`reason.${spec.reason}`);
    if (!spec || text === undefined) return language === 'zh-CN' && e.message ? e.message : t(`error.${e.code}`);
    const vars: Vars = {};
    for (const [name, value] of Object.entries(e.params ?? {})) {
      const prefix = spec.labels?.[name]?.prefix;
      vars[name] = prefix ? (words(`${prefix}.${value}`) ?? (prefix === 'field' ? t('field.any') : String(value))) : value;
    }
    return fill(text, vars);
  };
  const tNodes = (key: Key, vars: Record<string, ReactNode>) => fillNodes(words(key) ?? key, vars);
  // A switch shows the other language once its lobby words are here, never Chinese in its place.
  const choose = (l: Language) => void lobbyWords(l).then(() => setLanguage(l));
  return <I18n.Provider value={{ language, setLanguage: choose, t, tError, tNodes }}>{children}</I18n.Provider>;
}

export function useI18n(): I18nContext {
  const ctx = useContext(I18n);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function LanguageToggle() {
  const { t, language, setLanguage } = useI18n();
  return (
    // The switch names the other language in that language (English, 中文), and says so.
    <button
      type="button"
      className="lang"
      lang={language === 'en' ? 'zh-CN' : 'en'}
      onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switch')}
    </button>
  );
}

import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HallError } from '../../../shared/kernel/errors';
import { REFUSALS } from '../../../shared/protocol/refusals';
import type { Words } from './labels';
import { fill } from '../../../shared/kernel/labels';
import { zhCN } from './zh-CN';

/** zh-CN is the product's language; English is offered for visitors and foreign staff. */
export type Language = 'zh-CN' | 'en';
export type Key = keyof typeof zhCN;
export type Vars = Record<string, string | number>;
export type Translate = (key: Key, vars?: Vars) => string;

type Dictionary = Words<typeof zhCN>;
/**
 * Chinese is in every face's first load; English is fetched when someone switches to it (or a
 * terminal is set to it), so a lobby display never downloads words it will not show.
 */
const loaded: Partial<Record<Language, Dictionary>> = { 'zh-CN': zhCN };
const load = async (language: Language): Promise<Dictionary> => (loaded[language] ??= language === 'en' ? (await import('./en')).en : zhCN);

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
  const [language, setLanguage] = useState<Language>(initial);
  // The words shown: the chosen language's once loaded, Chinese until then.
  const [dict, setDict] = useState<Dictionary>(() => loaded[initial] ?? zhCN);
  useEffect(() => {
    // The page says its language, for screen readers, fonts and hyphenation (Chinese parts say theirs).
    document.documentElement.lang = language;
    let current = true;
    void load(language).then((d) => current && setDict(() => d));
    return () => {
      current = false;
    };
  }, [language]);
  const t: Translate = (key, vars) => fill(dict[key], vars);
  const words = (key: string): string | undefined => (dict as Readonly<Record<string, string>>)[key];
  const tError = (e: HallError) => {
    const spec = e.reason ? REFUSALS.get(e.reason) : undefined;
    const text = spec && words(`reason.${spec.reason}`);
    if (!spec || text === undefined) return language === 'zh-CN' && e.message ? e.message : t(`error.${e.code}`);
    const vars: Vars = {};
    for (const [name, value] of Object.entries(e.params ?? {})) {
      const prefix = spec.labels?.[name]?.prefix;
      vars[name] = prefix ? (words(`${prefix}.${value}`) ?? (prefix === 'field' ? t('field.any') : String(value))) : value;
    }
    return fill(text, vars);
  };
  const tNodes = (key: Key, vars: Record<string, ReactNode>) => fillNodes(dict[key], vars);
  return <I18n.Provider value={{ language, setLanguage, t, tError, tNodes }}>{children}</I18n.Provider>;
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

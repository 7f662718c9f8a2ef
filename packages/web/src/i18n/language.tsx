import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { setRequestLanguage, type RequestLanguage } from "../api/client";
import { isMessageKey, messages, type Bilingual, type MessageKey } from "./messages";

export type Language = RequestLanguage;

const STORAGE_KEY = "shian.lang";

export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
}

/** Makes `lang` the language of the page, of API requests and of the next visit. */
export function applyLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  setRequestLanguage(lang);
}

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  /** The message in the current language, with `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** The label of a code, e.g. `label("status", "draft")` → t("status.draft"); an unknown code shows as is. */
  label: (group: string, code: string) => string;
  /** The current language's half of a text that comes in both, such as the domain's names. */
  pick: (text: Bilingual) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [lang, setLangState] = useState(initial);
  const setLang = useCallback((next: Language) => {
    applyLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const pick = (text: Bilingual) => (lang === "en" ? text.en : text.zh);
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      pick(messages[key]).replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
    const label = (group: string, code: string) => {
      const key = `${group}.${code}`;
      return isMessageKey(key) ? t(key) : code;
    };
    return { lang, setLang, t, label, pick };
  }, [lang, setLang]);
  return (
    <I18nContext value={value}>
      <ConfigProvider locale={lang === "en" ? enUS : zhCN}>{children}</ConfigProvider>
    </I18nContext>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n must be used inside <LanguageProvider>");
  return i18n;
}

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Both locales must define the same keys: declare zh-CN `as const`, then type en as `Messages<typeof zh>`. */
export type Messages<T extends Record<string, string>> = Record<keyof T, string>;
export type Catalog = Record<Locale, Record<string, string>>;

const LOCALE_KEY = 'careloom.locale';

const shellMessages = {
  'zh-CN': {
    'shell.language': '语言',
    'shell.logout': '退出登录',
    'shell.menu': '菜单',
    'shell.login.title': '登录',
    'shell.login.username': '用户名',
    'shell.login.password': '密码',
    'shell.login.submit': '登录',
    'shell.login.required': '请填写此项',
    'shell.login.failed': '用户名或密码不正确',
    'shell.error.network': '无法连接服务器，请检查网络后重试',
    'shell.forbidden': '您的账号没有访问此页面的权限',
    'shell.loading': '加载中…',
    'shell.userMenu': '{name}：账号与设置',
    'shell.textSize.large': '大字体',
    'shell.textSize.normal': '标准字体',
  },
  en: {
    'shell.language': 'Language',
    'shell.logout': 'Sign out',
    'shell.menu': 'Menu',
    'shell.login.title': 'Sign in',
    'shell.login.username': 'Username',
    'shell.login.password': 'Password',
    'shell.login.submit': 'Sign in',
    'shell.login.required': 'Please fill this in',
    'shell.login.failed': 'Wrong username or password',
    'shell.error.network': 'Cannot reach the server; check the connection and try again',
    'shell.forbidden': 'Your account may not open this page',
    'shell.loading': 'Loading…',
    'shell.userMenu': '{name}: account and settings',
    'shell.textSize.large': 'Large text',
    'shell.textSize.normal': 'Standard text',
  },
} satisfies Catalog;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLocale(): Locale {
  const stored = window.localStorage.getItem(LOCALE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function I18nProvider({ messages, children }: { messages: Catalog; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(LOCALE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const table: Record<string, string> = { ...shellMessages[locale], ...messages[locale] };
    const t: Translate = (key, values) => {
      const text = table[key] ?? key;
      return values ? text.replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all)) : text;
    };
    return { locale, setLocale, t };
  }, [locale, messages, setLocale]);
  return (
    <I18nContext value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>{children}</ConfigProvider>
    </I18nContext>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n must be used inside <I18nProvider>');
  }
  return value;
}

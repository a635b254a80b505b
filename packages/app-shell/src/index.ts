import './shell.css';

export { AppFrame, type NavItem } from './AppFrame.js';
export {
  I18nProvider,
  LOCALES,
  useI18n,
  type Catalog,
  type Locale,
  type Messages,
  type Translate,
} from './i18n.js';
export { LocaleSwitch } from './LocaleSwitch.js';
export { LoginPage } from './LoginPage.js';
export { describeError, fieldErrorsOf } from './problem.util.js';
export { SessionProvider, useApi, useSession, type CurrentUser } from './session.js';
export { useLoader, type Loaded } from './useLoader.js';
export { useTextSize, type TextSize } from './textSize.js';

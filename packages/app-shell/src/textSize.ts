import { useCallback, useEffect, useState } from 'react';
import type { ThemeConfig } from 'antd';

export type TextSize = 'normal' | 'large';

const TEXT_SIZE_KEY = 'careloom.textSize';

/** antd's design tokens for large text: bigger type and taller, easier-to-hit controls. */
export const LARGE_TEXT_THEME: ThemeConfig = {
  token: { fontSize: 18, controlHeight: 44, controlHeightSM: 32, controlHeightLG: 52 },
};

function storedTextSize(): TextSize {
  return window.localStorage.getItem(TEXT_SIZE_KEY) === 'large' ? 'large' : 'normal';
}

/** The user's text size, kept on this device; the root element carries `cl-large-text` for plain CSS. */
export function useTextSize(): [TextSize, (next: TextSize) => void] {
  const [size, setSize] = useState<TextSize>(storedTextSize);
  useEffect(() => {
    document.documentElement.classList.toggle('cl-large-text', size === 'large');
  }, [size]);
  const choose = useCallback((next: TextSize) => {
    window.localStorage.setItem(TEXT_SIZE_KEY, next);
    setSize(next);
  }, []);
  return [size, choose];
}

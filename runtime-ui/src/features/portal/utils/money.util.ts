/** 328050 fen → "¥3,280.50" (zh-CN) / "CN¥3,280.50" (en): money is kept in fen, shown in yuan. */
export function formatFen(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

/** 3280.5 yuan (as typed) → 328050 fen, rounded to the fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

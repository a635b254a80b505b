import type { Locale } from '@careloom/forms';

/** The few texts form-kit renders itself, in both languages. */
export const CARE_FORM_TEXT = {
  'zh-CN': {
    submit: '保存',
    points: '{score} 分',
    missing: '还有 {count} 项未评',
    notScored: '尚未评分',
    empty: '—',
    schemaError: '表单定义有误，无法显示',
    yes: '是',
    no: '否',
    signHere: '请用手指或鼠标在框内签名',
    signatureArea: '{label}签名区',
    clearSignature: '清除重签',
    signed: '已签名',
    takePhoto: '拍照或选择照片',
    replacePhoto: '重新拍照',
    removePhoto: '删除照片',
    photo: '照片',
    photoUnreadable: '无法读取这张图片，请换一张（JPEG、PNG 或 WebP）',
    photoTooLarge: '照片压缩后仍然过大，请换一张或裁剪后再试',
    notGraded: '尚未评级',
    grade: '{grade} 级 {name}',
    domainGrade: '{label}：{grade}',
    domainNotGraded: '{label}：未评级',
    domainGradeShort: '{label} {grade} 级',
    domainNotGradedShort: '{label} 未评级',
    subtotal: '（{score} 分）',
    itemSum: '各题得分合计 {score} 分（仅供参考，不作判定依据）',
    adjusted: '已调整：{reason}',
    edition: '评分版本：{edition}',
  },
  en: {
    submit: 'Save',
    points: '{score} pts',
    missing: '{count} items not answered yet',
    notScored: 'Not scored yet',
    empty: '—',
    schemaError: 'The form definition has errors and cannot be shown',
    yes: 'Yes',
    no: 'No',
    signHere: 'Sign inside the box with a finger or the mouse',
    signatureArea: '{label} signature area',
    clearSignature: 'Clear and sign again',
    signed: 'Signed',
    takePhoto: 'Take or choose a photo',
    replacePhoto: 'Take another photo',
    removePhoto: 'Remove photo',
    photo: 'Photo',
    photoUnreadable: 'This image cannot be read; choose another (JPEG, PNG or WebP)',
    photoTooLarge: 'The photo is still too large after compressing; choose another or crop it',
    notGraded: 'Not graded yet',
    grade: 'grade {grade} {name}',
    domainGrade: '{label}: {grade}',
    domainNotGraded: '{label}: not graded',
    domainGradeShort: '{label}: {grade}',
    domainNotGradedShort: '{label}: –',
    subtotal: ' ({score} pts)',
    itemSum: 'Sum of item scores {score} pts (for reference, not used for grading)',
    adjusted: 'Adjusted: {reason}',
    edition: 'Scored with: {edition}',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type CareFormTextKey = keyof (typeof CARE_FORM_TEXT)['zh-CN'];

export function careText(
  locale: Locale,
  key: CareFormTextKey,
  values: Record<string, string | number> = {},
): string {
  return CARE_FORM_TEXT[locale][key].replace(/\{(\w+)\}/g, (all, name: string) =>
    String(values[name] ?? all),
  );
}

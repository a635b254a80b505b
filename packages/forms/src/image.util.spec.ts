import { describe, expect, it } from '@jest/globals';
import { compileForm } from './compile-form.util.js';
import { isImageDataUrl } from './image.util.js';
import { lintFormSchema } from './lint.util.js';

// a 1×1 transparent PNG
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const signedForm = {
  type: 'object',
  properties: {
    signature: { type: 'string', title: '家属签名', format: 'signature', maxLength: 100_000 },
    photo: { type: 'string', title: '伤口照片', format: 'photo', maxLength: 400_000 },
  },
};

describe(isImageDataUrl.name, () => {
  it.each([
    ['a PNG data URL', PIXEL, true],
    ['a JPEG data URL', 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', true],
    ['an SVG (scripts can hide in it)', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', false],
    ['a web address', 'https://example.com/a.png', false],
    ['base64 with a broken group', 'data:image/png;base64,iVBORw0', false],
    ['base64 with a space', 'data:image/png;base64,iVBO Rw0K', false],
  ])('should judge %s', (_name, value, expected) => {
    expect(isImageDataUrl(value)).toBe(expected);
  });
});

describe('signature and photo fields', () => {
  it('should accept a drawn signature and a photo as image data URLs', () => {
    const form = compileForm(signedForm);
    expect(form.validate({ signature: PIXEL, photo: PIXEL })).toEqual([]);
  });

  it('should refuse text in a signature field with a message in both languages', () => {
    const form = compileForm(signedForm, { locale: 'zh-CN' });
    const [error] = form.validate({ signature: '张三' });
    expect(error?.path).toBe('/signature');
    expect(error?.messages['zh-CN']).toBe('家属签名：签名图像无效，请清除后重新签名');
    expect(error?.messages.en).toContain('clear it and sign again');
  });

  it('should refuse a signature or photo field without a bounded maxLength', () => {
    const issues = lintFormSchema({
      type: 'object',
      properties: {
        signature: { type: 'string', format: 'signature' },
        photo: { type: 'string', format: 'photo', maxLength: 5_000_000 },
      },
    }).filter((issue) => issue.severity === 'error');
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'image-without-max-length', path: '/properties/signature/format' },
      { code: 'image-without-max-length', path: '/properties/photo/format' },
    ]);
  });
});

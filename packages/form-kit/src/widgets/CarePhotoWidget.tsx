import { useRef, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { careText } from '../care-form-text.constants.js';
import { fitWithin, PHOTO_ATTEMPTS } from '../image.util.js';
import { localeOf } from './care-form-context.types.js';

const DEFAULT_MAX_LENGTH = 400_000;

async function loadImage(file: File): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The photo as a JPEG data URL no longer than `maxLength`, or null when even the smallest try is too long. */
function encode(image: HTMLImageElement, maxLength: number): string | null {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) {
    return null;
  }
  for (const attempt of PHOTO_ATTEMPTS) {
    const size = fitWithin(image.naturalWidth, image.naturalHeight, attempt.maxSide);
    canvas.width = size.width;
    canvas.height = size.height;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(image, 0, 0, size.width, size.height);
    const url = canvas.toDataURL('image/jpeg', attempt.quality);
    if (url.length <= maxLength) {
      return url;
    }
  }
  return null;
}

/** A photo from the camera or the gallery, scaled down on the device to fit the field's maxLength. */
export function CarePhotoWidget(props: WidgetProps) {
  const { id, label, disabled, readonly, onChange, formContext, schema } = props;
  const locale = localeOf(formContext);
  const value: unknown = props.value;
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = disabled || readonly;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : DEFAULT_MAX_LENGTH;

  const choose = async (file: File | undefined) => {
    if (!file) {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const encoded = encode(await loadImage(file), maxLength);
      if (encoded) {
        onChange(encoded);
      } else {
        setProblem(careText(locale, 'photoTooLarge'));
      }
    } catch {
      setProblem(careText(locale, 'photoUnreadable'));
    } finally {
      setBusy(false);
      if (input.current) {
        input.current.value = '';
      }
    }
  };

  const hasPhoto = typeof value === 'string' && value !== '';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {hasPhoto && (
        <img
          src={value}
          alt={`${label}：${careText(locale, 'photo')}`}
          style={{ maxWidth: '100%', maxHeight: 320, objectFit: 'contain', borderRadius: 6 }}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} />}
      {!locked && (
        <Space wrap>
          <input
            ref={input}
            id={id}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            aria-label={`${label}：${careText(locale, hasPhoto ? 'replacePhoto' : 'takePhoto')}`}
            style={{ display: 'none' }}
            onChange={(event) => void choose(event.target.files?.[0])}
          />
          <Button loading={busy} onClick={() => input.current?.click()}>
            {careText(locale, hasPhoto ? 'replacePhoto' : 'takePhoto')}
          </Button>
          {hasPhoto && (
            <Button danger onClick={() => onChange(undefined)}>
              {careText(locale, 'removePhoto')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}

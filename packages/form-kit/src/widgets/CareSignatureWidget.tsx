import { useEffect, useRef, type PointerEvent } from 'react';
import { Button, Space, Typography } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { careText } from '../care-form-text.constants.js';
import { localeOf } from './care-form-context.types.js';

const HEIGHT = 180;

/**
 * A signature pad: draw with a finger, stylus or mouse; every stroke saves the pad as a PNG data URL.
 * A saved signature shows as its image with a button to clear it and sign again.
 */
export function CareSignatureWidget(props: WidgetProps) {
  const { id, label, disabled, readonly, onChange, formContext } = props;
  const locale = localeOf(formContext);
  const value: unknown = props.value;
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const locked = disabled || readonly;

  useEffect(() => {
    const element = canvas.current;
    if (element) {
      // the drawing surface matches the box on screen, so strokes land under the finger
      element.width = Math.max(1, Math.round(element.getBoundingClientRect().width));
      element.height = HEIGHT;
    }
  }, [value]);

  if (typeof value === 'string' && value !== '') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <img
          id={id}
          src={value}
          alt={`${label}：${careText(locale, 'signed')}`}
          style={{
            maxWidth: '100%',
            height: 'auto',
            border: '1px solid #d9d9d9',
            borderRadius: 6,
            background: '#fff',
          }}
        />
        {!locked && <Button onClick={() => onChange(undefined)}>{careText(locale, 'clearSignature')}</Button>}
      </Space>
    );
  }

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    if (locked) {
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = point(event);
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = drawing.current;
    const context = event.currentTarget.getContext('2d');
    if (!from || !context) {
      return;
    }
    const to = point(event);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.strokeStyle = '#111';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    drawing.current = to;
  };
  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) {
      return;
    }
    drawing.current = null;
    onChange(event.currentTarget.toDataURL('image/png'));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <canvas
        id={id}
        ref={canvas}
        role="img"
        aria-label={careText(locale, 'signatureArea', { label })}
        data-testid={`signature-${id}`}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          width: '100%',
          height: HEIGHT,
          touchAction: 'none',
          border: '1px dashed #8c8c8c',
          borderRadius: 6,
          background: locked ? '#f5f5f5' : '#fff',
          cursor: locked ? 'not-allowed' : 'crosshair',
        }}
      />
      <Typography.Text type="secondary">{careText(locale, 'signHere')}</Typography.Text>
    </Space>
  );
}

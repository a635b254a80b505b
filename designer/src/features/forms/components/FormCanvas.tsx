import { useState, type DragEvent, type MouseEvent, type ReactNode } from 'react';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EyeInvisibleOutlined,
  FunctionOutlined,
  HolderOutlined,
  LockOutlined,
} from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import type { FieldEntry, FieldRef } from '../utils/form-schema.types.js';
import { isContainerKind, labelOf, sameRef } from '../utils/form-schema.util.js';
import { DRAG_MIME, type DragPayload } from '../utils/drag.types.js';
import type { FieldIssue } from '../utils/field-issues.util.js';
import { refKey } from '../utils/field-issues.util.js';

export interface FormCanvasProps {
  fields: FieldEntry[];
  selected: FieldRef | null;
  issues: ReadonlyMap<string, FieldIssue[]>;
  dragging: DragPayload | null;
  onSelect: (ref: FieldRef) => void;
  /** Drop at `index` of the container's current order. */
  onDrop: (container: string | null, index: number) => void;
  onShift: (ref: FieldRef, by: -1 | 1) => void;
  onDuplicate: (ref: FieldRef) => void;
  onRemove: (ref: FieldRef) => void;
  onDragStart: (payload: DragPayload) => void;
  onDragEnd: () => void;
}

interface Target {
  container: string | null;
  index: number;
}

const sameTarget = (a: Target | null, b: Target) => !!a && a.container === b.container && a.index === b.index;

/** The form's fields in order: drop palette items or fields between them; select, move, copy and delete. */
export function FormCanvas(props: FormCanvasProps) {
  const { t } = useI18n();
  const [hover, setHover] = useState<Target | null>(null);
  const { fields, dragging } = props;

  const accepts = (container: string | null): boolean => {
    if (!dragging || container === null) {
      return dragging !== null;
    }
    // sections and tables stay at the root
    if (dragging.type === 'palette') {
      return !['section', 'table', 'barthel', 'morse', 'medications'].includes(dragging.kind);
    }
    const moving = fields.find((entry) => sameRef(entry.ref, dragging.ref));
    return !(moving && isContainerKind(moving.kind));
  };

  const over = (event: DragEvent, target: Target) => {
    if (!accepts(target.container)) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = dragging?.type === 'palette' ? 'copy' : 'move';
    if (!sameTarget(hover, target)) {
      setHover(target);
    }
  };
  const drop = (event: DragEvent, target: Target) => {
    if (!accepts(target.container)) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    setHover(null);
    props.onDrop(target.container, target.index);
  };
  const targetAt = (event: DragEvent, container: string | null, index: number): Target => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { container, index: event.clientY > rect.top + rect.height / 2 ? index + 1 : index };
  };

  const renderList = (entries: FieldEntry[], container: string | null) => (
    <Flex vertical gap={6}>
      {entries.map((entry, index) => (
        <div
          key={entry.ref.key}
          onDragOver={(event) => over(event, targetAt(event, container, index))}
          onDrop={(event) => drop(event, targetAt(event, container, index))}
        >
          {sameTarget(hover, { container, index }) && <DropLine />}
          <FieldCard
            {...props}
            entry={entry}
            first={index === 0}
            last={index === entries.length - 1}
            renderChildren={(key, children) => renderList(children, key)}
          />
          {index === entries.length - 1 && sameTarget(hover, { container, index: index + 1 }) && <DropLine />}
        </div>
      ))}
      <div
        data-testid={container === null ? 'canvas-drop-end' : `canvas-drop-${container}`}
        onDragOver={(event) => over(event, { container, index: entries.length })}
        onDragLeave={() => setHover(null)}
        onDrop={(event) => drop(event, { container, index: entries.length })}
        style={{
          border: '2px dashed',
          borderColor: sameTarget(hover, { container, index: entries.length }) ? '#1677ff' : '#d9d9d9',
          borderRadius: 8,
          padding: entries.length === 0 && container === null ? 32 : 10,
          textAlign: 'center',
          color: '#8c8c8c',
          fontSize: 12,
        }}
      >
        {container === null && entries.length === 0 ? t('editor.canvasEmpty') : t('editor.dropHere')}
      </div>
    </Flex>
  );

  return (
    <div data-testid="canvas" onDragEnd={() => setHover(null)}>
      {renderList(fields, null)}
    </div>
  );
}

function DropLine() {
  return <div style={{ height: 3, background: '#1677ff', borderRadius: 2, margin: '2px 0' }} />;
}

interface FieldCardProps extends FormCanvasProps {
  entry: FieldEntry;
  first: boolean;
  last: boolean;
  renderChildren: (container: string, children: FieldEntry[]) => ReactNode;
}

function FieldCard({
  entry,
  first,
  last,
  selected,
  issues,
  onSelect,
  onShift,
  onDuplicate,
  onRemove,
  onDragStart,
  onDragEnd,
  renderChildren,
}: FieldCardProps) {
  const { t, locale } = useI18n();
  const { ref, schema, kind } = entry;
  const isSelected = sameRef(selected, ref);
  const found = issues.get(refKey(ref)) ?? [];
  const errors = found.filter((issue) => issue.severity === 'error');
  const label = labelOf(schema, locale, ref.key);
  const stop = (action: () => void) => (event: MouseEvent) => {
    event.stopPropagation();
    action();
  };
  return (
    <div
      role="button"
      tabIndex={0}
      aria-pressed={isSelected}
      aria-label={label}
      data-testid={`field-card-${ref.container === null ? '' : `${ref.container}.`}${ref.key}`}
      draggable
      onDragStart={(event) => {
        event.stopPropagation();
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData(DRAG_MIME, ref.key);
        event.dataTransfer.setData('text/plain', label);
        onDragStart({ type: 'field', ref });
      }}
      onDragEnd={onDragEnd}
      onClick={(event) => {
        event.stopPropagation();
        onSelect(ref);
      }}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          onSelect(ref);
        }
      }}
      style={{
        border: `1px solid ${errors.length > 0 ? '#ff4d4f' : isSelected ? '#1677ff' : '#d9d9d9'}`,
        boxShadow: isSelected ? '0 0 0 2px rgba(22,119,255,0.2)' : undefined,
        borderRadius: 8,
        padding: '8px 10px',
        background: isSelected ? '#f0f7ff' : '#fff',
        cursor: 'pointer',
      }}
    >
      <Flex justify="space-between" align="center" gap={6} wrap>
        <Flex align="center" gap={6} wrap style={{ minWidth: 0, flex: '1 1 160px' }}>
          <HolderOutlined style={{ color: '#bfbfbf', cursor: 'grab' }} />
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {label}
            {entry.required && <span style={{ color: '#ff4d4f' }}> *</span>}
          </Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.${kind}`)}</Tag>
          {schema['x-visible-if'] !== undefined && (
            <Tooltip title={t('editor.badge.conditional')}>
              <EyeInvisibleOutlined aria-label={t('editor.badge.conditional')} />
            </Tooltip>
          )}
          {(schema['x-compute'] !== undefined || schema['x-scale'] !== undefined) && (
            <Tooltip title={t('editor.badge.computed')}>
              <FunctionOutlined aria-label={t('editor.badge.computed')} />
            </Tooltip>
          )}
          {schema['x-sensitive'] === true && (
            <Tooltip title={t('editor.badge.sensitive')}>
              <LockOutlined aria-label={t('editor.badge.sensitive')} />
            </Tooltip>
          )}
        </Flex>
        <Flex gap={2}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={t('editor.moveUp')}
            disabled={first}
            onClick={stop(() => onShift(ref, -1))}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('editor.moveDown')}
            disabled={last}
            onClick={stop(() => onShift(ref, 1))}
          />
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined />}
            aria-label={t('editor.duplicate')}
            onClick={stop(() => onDuplicate(ref))}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('editor.remove')}
            onClick={stop(() => onRemove(ref))}
          />
        </Flex>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ref.key}
      </Typography.Text>
      {found.map((issue, i) => (
        <Typography.Paragraph
          key={i}
          type={issue.severity === 'error' ? 'danger' : 'warning'}
          style={{ margin: 0, fontSize: 12 }}
          data-testid="field-issue"
        >
          {issue.message}
        </Typography.Paragraph>
      ))}
      {isContainerKind(kind) && ref.container === null && (
        <div style={{ marginTop: 8, paddingInlineStart: 12 }} onClick={(event) => event.stopPropagation()}>
          {renderChildren(ref.key, entry.children)}
        </div>
      )}
    </div>
  );
}

import { Button, Flex, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import { useI18n, type Locale } from '@careloom/app-shell';
import { PALETTE, type PaletteEntry } from '../utils/palette.constants.js';
import type { PaletteKind } from '../utils/form-schema.types.js';
import { DRAG_MIME, type DragPayload } from '../utils/drag.types.js';

interface PalettePanelProps {
  onAdd: (kind: PaletteKind) => void;
  onDragStart: (payload: DragPayload) => void;
  onDragEnd: () => void;
}

const GROUPS: PaletteEntry['group'][] = ['basic', 'choice', 'care', 'layout', 'block'];

/** Field types to drag onto the canvas, or click to add after the selected field (keyboard, phones). */
export function PalettePanel({ onAdd, onDragStart, onDragEnd }: PalettePanelProps) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={12} data-testid="palette">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('editor.paletteHelp')}
      </Typography.Text>
      {GROUPS.map((group) => (
        <div key={group}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            {t(`palette.group.${group}`)}
          </Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {PALETTE.filter((entry) => entry.group === group).map((entry) => (
              <PaletteItem
                key={entry.kind}
                entry={entry}
                locale={locale}
                onAdd={onAdd}
                onDragStart={onDragStart}
                onDragEnd={onDragEnd}
              />
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

function PaletteItem({
  entry,
  locale,
  onAdd,
  onDragStart,
  onDragEnd,
}: { entry: PaletteEntry; locale: Locale } & PalettePanelProps) {
  return (
    <Button
      block
      draggable
      data-testid={`palette-${entry.kind}`}
      icon={<HolderOutlined />}
      style={{ justifyContent: 'flex-start', cursor: 'grab' }}
      onClick={() => onAdd(entry.kind)}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'copy';
        event.dataTransfer.setData(DRAG_MIME, entry.kind);
        event.dataTransfer.setData('text/plain', entry.label[locale]);
        onDragStart({ type: 'palette', kind: entry.kind });
      }}
      onDragEnd={onDragEnd}
    >
      {entry.label[locale]}
    </Button>
  );
}

import { Button, Tooltip } from 'antd';
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';

/** The undo and redo buttons of an editor toolbar, with their keyboard shortcuts as tooltips. */
export function UndoRedoButtons({
  editor,
}: {
  editor: { canUndo: boolean; canRedo: boolean; undo: () => void; redo: () => void };
}) {
  const { t } = useI18n();
  return (
    <>
      <Tooltip title="Ctrl+Z">
        <Button
          icon={<UndoOutlined />}
          aria-label={t('editor.undo')}
          disabled={!editor.canUndo}
          onClick={editor.undo}
        />
      </Tooltip>
      <Tooltip title="Ctrl+Shift+Z">
        <Button
          icon={<RedoOutlined />}
          aria-label={t('editor.redo')}
          disabled={!editor.canRedo}
          onClick={editor.redo}
        />
      </Tooltip>
    </>
  );
}

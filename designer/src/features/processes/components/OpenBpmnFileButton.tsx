import { useRef } from 'react';
import { App, Button } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import { looksLikeBpmn } from '../utils/bpmn-model.util.js';

export interface OpenBpmnFileButtonProps {
  onOpen: (xml: string, fileName: string) => void;
}

/** "Open file": reads a .bpmn file (e.g. a Camunda Modeler export) with FileReader. */
export function OpenBpmnFileButton({ onOpen }: OpenBpmnFileButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);

  const read = (file: File) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      if (looksLikeBpmn(text)) {
        onOpen(text, file.name);
      } else {
        void message.error(t('processes.notBpmn'));
      }
    };
    reader.readAsText(file);
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        data-testid="open-bpmn-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) {
            read(file);
          }
        }}
      />
      <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()}>
        {t('processes.open')}
      </Button>
    </>
  );
}

import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { vi } from '../../i18n/vi';
import { carriesFiles, fromFileList, readDrop, type PickedFile } from './picked';

const t = vi.evidence.intake;

/** What the file chooser offers first; anything else can still be chosen (the core decides). */
export const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls,.odt,.ods';

/**
 * A dashed area that takes files dragged from the desktop (and folders, where the browser
 * can walk them), with a "Chọn tệp" button for the file chooser.
 */
export function DropZone({
  onFiles,
  disabled,
  hint,
  buttons,
  testId,
  compact,
}: {
  onFiles: (files: PickedFile[], folder: boolean) => void;
  disabled?: boolean;
  hint?: ReactNode;
  buttons?: ReactNode;
  testId?: string;
  compact?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  return (
    <div
      className={`ev-drop${over ? ' over' : ''}${compact ? ' compact' : ''}`}
      data-testid={testId}
      onDragEnter={(e) => {
        if (!carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        if (disabled) return;
        void readDrop(e.dataTransfer).then(({ files, folder }) => {
          if (files.length) onFiles(files, folder);
        });
      }}
    >
      <InboxOutlined className="ev-drop-icon" />
      <div className="ev-drop-text">
        <div>{over ? t.dropNow : t.dropHere}</div>
        {hint && <div className="ev-muted">{hint}</div>}
      </div>
      <div className="ev-drop-buttons">
        <Button
          icon={<UploadOutlined />}
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          {t.choose}
        </Button>
        {buttons}
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => {
          const files = fromFileList(e.target.files);
          e.target.value = '';
          if (files.length) onFiles(files, false);
        }}
      />
    </div>
  );
}

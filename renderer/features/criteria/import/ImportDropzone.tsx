import { InboxOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { vi } from '../../../i18n/vi';

const t = vi.importWizard;

/** Drop or pick one .xlsx/.docx; nothing is uploaded by antd (beforeUpload returns false). */
export function ImportDropzone({ onFile }: { onFile: (file: File) => void }) {
  return (
    <>
      <Upload.Dragger
        height={260}
        accept=".xlsx,.docx"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
        data-testid="import-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t.dropTitle}</p>
        <p className="ant-upload-hint">{t.dropHint}</p>
      </Upload.Dragger>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t.tipsTitle}
      </Typography.Title>
      <ul className="import-tips">
        {t.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
    </>
  );
}

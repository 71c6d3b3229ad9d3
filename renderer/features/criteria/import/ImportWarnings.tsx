import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ImportPreview } from '../../../../shared/contract/criteria-import';
import { vi } from '../../../i18n/vi';
import { warningText } from './import-model';

const t = vi.importWizard;

/** Every warning of the reading, each naming its cell ("Ô C23: …"). */
export function ImportWarnings({ warnings }: { warnings: ImportPreview['warnings'] }) {
  return (
    <Card
      size="small"
      className="import-warnings"
      data-testid="import-warnings"
      styles={{ body: warnings.length ? {} : { display: 'none' } }}
      title={
        <span>
          {warnings.length ? (
            <WarningOutlined style={{ color: '#d97706', marginRight: 6 }} />
          ) : (
            <CheckCircleOutlined style={{ color: '#16a34a', marginRight: 6 }} />
          )}
          {t.warnings(warnings.length)}
        </span>
      }
    >
      {warnings.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
            {t.warningsHelp}
          </Typography.Paragraph>
          <ul className="import-warning-list">
            {warnings.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

import { TeamOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../../../shared/contract/criteria-import';
import { vi } from '../../../i18n/vi';

const t = vi.importWizard;

/** Which offices of the table are new and which are matched to existing ones: nothing silent. */
export function ImportOffices({ offices }: { offices: ImportPreview['offices'] }) {
  const created = offices?.created ?? [];
  const matched = offices?.matched ?? [];
  return (
    <Card
      size="small"
      className="import-offices"
      data-testid="import-offices"
      style={{ marginBottom: 12 }}
      title={
        <span>
          <TeamOutlined style={{ marginRight: 6 }} />
          {t.offices}
        </span>
      }
    >
      {created.length === 0 && matched.length === 0 ? (
        <Typography.Text type="secondary">{t.officesNone}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {created.length > 0 && (
            <div data-testid="import-offices-created">
              <Typography.Text strong>{t.officesCreated(created.length)}: </Typography.Text>
              {created.map((name) => (
                <Tag key={name} color="orange">
                  {name}
                </Tag>
              ))}
            </div>
          )}
          {matched.length > 0 && (
            <div data-testid="import-offices-matched">
              <Typography.Text strong>{t.officesMatched(matched.length)}: </Typography.Text>
              {matched.map((m) => (
                <Tag key={m.name} color="green">
                  {m.name === m.office ? m.office : `${m.name} → ${m.office}`}
                </Tag>
              ))}
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.officesHelp}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

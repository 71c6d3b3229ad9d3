import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { foldVi } from '../../../shared/text';
import { call } from '../../api';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCoreAction } from '../criteria/useCoreAction';
import { useOfficeDefaults } from './queries';

const t = vi.settings;

/** The usual offices for the unit's level that are not in the list yet, one click to add. */
export function OfficeSuggestions() {
  const { info } = useApp();
  const { message } = App.useApp();
  const defaults = useOfficeDefaults(info.unit?.level ?? 'xa');
  const add = useCoreAction('offices.add', { success: (_, input) => t.added(input.name) });
  const [addingAll, setAddingAll] = useState(false);
  const have = new Set(info.offices.map((o) => foldVi(o.name)));
  const missing = (defaults.data ?? []).filter((name) => !have.has(foldVi(name)));

  const addAll = async () => {
    setAddingAll(true);
    try {
      for (const name of missing) await call('offices.add', { name });
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setAddingAll(false);
    }
  };

  return (
    <div className="office-suggestions" data-testid="office-suggestions">
      <Typography.Text type="secondary">{t.suggestions}: </Typography.Text>
      {missing.length === 0 ? (
        <Typography.Text type="secondary">{t.noSuggestions}</Typography.Text>
      ) : (
        <Space size={[4, 8]} wrap>
          {missing.map((name) => (
            <Button
              key={name}
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add.mutate({ name })}
            >
              {name}
            </Button>
          ))}
          <Button size="small" loading={addingAll} onClick={() => void addAll()}>
            {t.addAll}
          </Button>
        </Space>
      )}
    </div>
  );
}

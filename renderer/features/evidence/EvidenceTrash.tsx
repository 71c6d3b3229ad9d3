import { Button, Drawer, Empty, List, Popconfirm, Typography } from 'antd';
import { formatDateTimeVi } from '../../../shared/dates';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { docLabel, docTitle, formatSize } from './format';
import { useEvidenceTrash } from './queries';
import { useEvidenceAction } from './useEvidenceAction';

const t = vi.evidence.trash;

/** Documents moved to the trash: restore them, or delete them (and their files) for good. */
export function EvidenceTrash({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trash = useEvidenceTrash(open);
  const restore = useEvidenceAction('evidence.restore', { success: (r) => t.restored(r.restored) });
  const purge = useEvidenceAction('evidence.purge', { success: (r) => t.purged(r.purged) });
  return (
    <Drawer open={open} onClose={onClose} title={t.title} size={620} destroyOnHidden>
      <QueryState query={trash}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t.empty} />
          ) : (
            <List
              data-testid="evidence-trash"
              dataSource={data.items}
              renderItem={(d) => (
                <List.Item
                  data-document-id={d.id}
                  actions={[
                    <Button
                      key="restore"
                      loading={restore.isPending && restore.variables?.documentIds[0] === d.id}
                      onClick={() => restore.mutate({ documentIds: [d.id] })}
                    >
                      {t.restore}
                    </Button>,
                    <Popconfirm
                      key="purge"
                      title={t.purgeTitle}
                      description={t.purgeBody}
                      okText={t.purge}
                      okButtonProps={{ danger: true }}
                      cancelText={t.cancel}
                      onConfirm={() => purge.mutate({ documentIds: [d.id] })}
                    >
                      <Button danger>{t.purge}</Button>
                    </Popconfirm>,
                  ]}
                >
                  <List.Item.Meta
                    title={<Typography.Text strong>{docLabel(d)}</Typography.Text>}
                    description={
                      <>
                        <div className="ev-ellipsis">{docTitle(d)}</div>
                        <div>
                          {[
                            d.deletedAt ? t.deletedAt(formatDateTimeVi(d.deletedAt)) : null,
                            formatSize(d.size),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </div>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </Drawer>
  );
}

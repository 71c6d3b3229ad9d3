import { Button, Drawer, Empty, List, Typography } from 'antd';
import { formatDateTimeVi } from '../../../shared/dates';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { useTrash } from './queries';
import { useCoreAction } from './useCoreAction';

const t = vi.trash;

/** What was deleted from this assessment's tree, newest first, each with "Khôi phục". */
export function TrashDrawer({
  assessmentId,
  open,
  onClose,
  onRestored,
}: {
  assessmentId: number;
  open: boolean;
  onClose: () => void;
  onRestored: (id: number) => void;
}) {
  const trash = useTrash(assessmentId, open);
  const restore = useCoreAction('criteria.restoreNode', {
    success: (n) => t.restored(n.code),
    onSuccess: (n) => onRestored(n.id),
  });
  return (
    <Drawer open={open} onClose={onClose} title={t.title} size={520} destroyOnHidden>
      <QueryState query={trash}>
        {(items) =>
          items.length === 0 ? (
            <Empty description={t.empty} />
          ) : (
            <List
              data-testid="trash-list"
              dataSource={items}
              renderItem={(n) => (
                <List.Item
                  actions={[
                    <Button
                      key="restore"
                      loading={restore.isPending && restore.variables?.nodeId === n.id}
                      onClick={() => restore.mutate({ nodeId: n.id })}
                    >
                      {t.restore}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <span>
                        <Typography.Text strong>{n.code}</Typography.Text> {n.title}
                      </span>
                    }
                    description={[
                      t.deletedAt(formatDateTimeVi(n.deletedAt)),
                      n.descendants > 0 ? t.withChildren(n.descendants) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
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

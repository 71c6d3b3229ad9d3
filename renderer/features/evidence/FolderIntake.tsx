import { Alert, Checkbox, Modal, Spin, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call } from '../../api';
import { useApp } from '../../app/context';
import { vi } from '../../i18n/vi';
import { useCriteriaTree } from '../workspace/queries';
import { NodePicker } from './NodePicker';
import type { PickedFile } from './picked';
import type { IntakeBatch } from './useIntake';

const t = vi.evidence.folder;

/** System files a folder copied from Windows or macOS carries; not evidence. */
const JUNK = /(^|\/)(\.[^/]*|thumbs\.db|desktop\.ini|~\$[^/]*)$/i;

interface Row {
  key: number;
  pf: PickedFile;
  include: boolean;
  nodeId: number | null;
  proposed: { code: string; isLeaf: boolean } | null;
}

/**
 * A whole folder: each file with the sub-criterion its name (or its folder's name) starts with,
 * e.g. "1.2.3_Ke hoach.pdf" or "1.2.3 Báo cáo/…"; the person checks, changes or clears each
 * proposal, then adds.
 */
export function FolderIntake({
  files,
  onClose,
  onAdd,
}: {
  files: PickedFile[];
  onClose: () => void;
  onAdd: (batches: IntakeBatch[]) => void;
}) {
  const { assessment } = useApp();
  const tree = useCriteriaTree(assessment?.id ?? null);
  const proposals = useQuery({
    queryKey: ['evidence.proposeNodes', files.map((f) => f.path)],
    queryFn: () =>
      call('evidence.proposeNodes', {
        names: files.map((f) => f.path),
        ...(assessment ? { assessmentId: assessment.id } : {}),
      }),
    staleTime: Infinity,
  });
  const [edits, setEdits] = useState<Map<number, Partial<Row>>>(new Map());
  const rows: Row[] = useMemo(
    () =>
      files.map((pf, i) => {
        const p = proposals.data?.[i];
        const base: Row = {
          key: i,
          pf,
          include: !JUNK.test(pf.path),
          nodeId: p?.nodeId ?? null,
          proposed: p?.code ? { code: p.code, isLeaf: p.isLeaf } : null,
        };
        return { ...base, ...edits.get(i) };
      }),
    [files, proposals.data, edits],
  );
  const edit = (i: number, patch: Partial<Row>) =>
    setEdits((m) => new Map(m).set(i, { ...m.get(i), ...patch }));
  const included = rows.filter((r) => r.include);
  const withNode = included.filter((r) => r.nodeId !== null).length;

  const submit = () => {
    const groups = new Map<number | null, PickedFile[]>();
    for (const r of included) groups.set(r.nodeId, [...(groups.get(r.nodeId) ?? []), r.pf]);
    const codeOf = (id: number) => tree.data?.nodes.find((n) => n.id === id)?.code;
    onAdd(
      [...groups.entries()].map(([nodeId, list]) =>
        nodeId === null ? { files: list } : { files: list, nodeId, nodeCode: codeOf(nodeId) },
      ),
    );
    onClose();
  };

  return (
    <Modal
      open
      width={Math.min(1100, window.innerWidth - 48)}
      title={t.title(files.length)}
      okText={t.add(included.length)}
      cancelText={t.cancel}
      okButtonProps={{ disabled: included.length === 0 || proposals.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="ev-muted">{t.hint}</p>
      {proposals.isError && <Alert type="error" showIcon title={proposals.error.message} />}
      {proposals.isPending ? (
        <Spin description={vi.loading} className="ev-center" />
      ) : (
        <>
          <div className="ev-folder-stats" data-testid="folder-stats">
            {t.stats(included.length, withNode, included.length - withNode)}
          </div>
          <Table<Row>
            data-testid="folder-table"
            size="small"
            virtual
            rowKey="key"
            pagination={false}
            dataSource={rows}
            scroll={{ y: 420, x: 980 }}
            columns={[
              {
                key: 'include',
                width: 44,
                render: (_, r) => (
                  <Checkbox
                    checked={r.include}
                    aria-label={t.include}
                    onChange={(e) => edit(r.key, { include: e.target.checked })}
                  />
                ),
              },
              {
                key: 'file',
                title: t.file,
                width: 420,
                render: (_, r) => (
                  <span className={r.include ? 'ev-break' : 'ev-break ev-muted'}>{r.pf.path}</span>
                ),
              },
              {
                key: 'node',
                title: t.node,
                width: 516,
                render: (_, r) => (
                  <div className="ev-folder-node">
                    <NodePicker
                      size="small"
                      value={r.nodeId}
                      allowClear
                      leavesOnly={false}
                      placeholder={t.libraryOnly}
                      onChange={(nodeId) => edit(r.key, { nodeId })}
                    />
                    {r.proposed && r.nodeId !== null && !r.proposed.isLeaf && (
                      <Tag color="orange">{t.notLeaf}</Tag>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

import {
  DeleteOutlined,
  FolderOpenOutlined,
  NodeIndexOutlined,
  SnippetsOutlined,
} from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../app/context';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { BulkBar } from './BulkBar';
import { DropZone } from './DropZone';
import { EvidenceTrash } from './EvidenceTrash';
import { FolderIntake } from './FolderIntake';
import { IntakeStatus } from './IntakeStatus';
import { LibraryFilters, NO_FILTERS, type LibFilters } from './LibraryFilters';
import { LibraryTable } from './LibraryTable';
import { NodeEvidenceDrawer } from './NodeEvidenceDrawer';
import { fromFileList, type PickedFile } from './picked';
import { PreviewDrawer } from './PreviewDrawer';
import { useEvidenceList, type ListFilters } from './queries';
import { useIntake } from './useIntake';
import { useScreenshotPaste } from './useScreenshotPaste';

const t = vi.evidence.library;

const byPath = (files: PickedFile[]) =>
  [...files].sort((a, b) => a.path.localeCompare(b.path, 'vi', { numeric: true }));

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 1000, height: 400 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      setSize({ width: el.clientWidth, height: el.clientHeight }),
    );
    ro.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);
  return [ref, size] as const;
}

/**
 * "Thư viện tài liệu": every document of the workspace, searchable without diacritics and
 * filterable; intake of files, screenshots and whole folders; bulk edit and link; the trash.
 */
export function LibraryScreen() {
  const { assessment, route, navigate } = useApp();
  const [filters, setFilters] = useState<LibFilters>(NO_FILTERS);
  const search = useDebounced(filters.search.trim(), 250);
  const input: ListFilters = useMemo(
    () => ({
      ...(search ? { search } : {}),
      ...(filters.types.length ? { types: filters.types } : {}),
      ...(filters.year ? { year: filters.year } : {}),
      ...(filters.officeId ? { officeId: filters.officeId } : {}),
      ...(filters.unlinked
        ? { unlinked: true, ...(assessment ? { assessmentId: assessment.id } : {}) }
        : {}),
      ...(filters.scan ? { scan: true } : {}),
      ...(filters.draft ? { draft: true } : {}),
    }),
    [search, filters, assessment],
  );
  const list = useEvidenceList(input);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const [selected, setSelected] = useState<number[]>([]);
  const [preview, setPreview] = useState<number | null>(null);
  const [trash, setTrash] = useState(false);
  const [nodeDrawer, setNodeDrawer] = useState(route.nodeId !== null);
  const [folder, setFolder] = useState<PickedFile[] | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [tableBox, size] = useSize<HTMLDivElement>();
  const intake = useIntake();
  const { run } = intake;
  const running = intake.state?.running ?? false;

  const addFiles = useCallback(
    (files: PickedFile[], isFolder: boolean) => {
      if (isFolder) setFolder(byPath(files));
      else void run([{ files }]);
    },
    [run],
  );
  const paste = useScreenshotPaste(
    useCallback((file: File) => void run([{ files: [{ file, path: file.name }] }]), [run]),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // Selection only keeps documents still in the list.
  const shownSelected = selected.filter((id) => items.some((d) => d.id === id));

  return (
    <div
      className="lib-page"
      data-testid="library"
      // What the list on screen answers (for tests and support): absent while it loads.
      data-query={list.isFetching ? undefined : JSON.stringify(input)}
      tabIndex={-1}
      onPaste={(e) => !running && paste.onPaste(e)}
    >
      <div className="lib-head">
        <div>
          <Typography.Title level={3} className="lib-title">
            {t.title}
          </Typography.Title>
          <div className="ev-muted" data-testid="library-count">
            {list.data ? t.count(total) : vi.loading}
          </div>
        </div>
        <div className="lib-head-actions">
          <Button icon={<NodeIndexOutlined />} onClick={() => setNodeDrawer(true)}>
            {t.toNode}
          </Button>
          <Button icon={<DeleteOutlined />} onClick={() => setTrash(true)}>
            {t.trash}
          </Button>
        </div>
      </div>
      <DropZone
        compact
        testId="library-drop"
        disabled={running}
        onFiles={addFiles}
        hint={t.dropHint}
        buttons={
          <>
            <Button
              icon={<FolderOpenOutlined />}
              disabled={running}
              onClick={() => folderInput.current?.click()}
            >
              {t.folder}
            </Button>
            <Button
              icon={<SnippetsOutlined />}
              disabled={running}
              onClick={() => void paste.pasteFromClipboard()}
            >
              {vi.evidence.node.paste}
            </Button>
          </>
        }
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="folder-input"
        onChange={(e) => {
          const files = fromFileList(e.target.files);
          e.target.value = '';
          if (files.length) setFolder(byPath(files));
        }}
      />
      <IntakeStatus intake={intake} onOpen={setPreview} />
      <LibraryFilters value={filters} onChange={setFilters} />
      {shownSelected.length > 0 && <BulkBar ids={shownSelected} onClear={() => setSelected([])} />}
      <div className="lib-table-box" ref={tableBox}>
        <QueryState query={list}>
          {() => (
            <LibraryTable
              items={items}
              total={total}
              width={size.width}
              height={size.height}
              loading={list.isFetching && !isFetchingNextPage && list.isPlaceholderData}
              selected={shownSelected}
              onSelect={setSelected}
              onOpen={setPreview}
              onNearEnd={more}
            />
          )}
        </QueryState>
      </div>
      <PreviewDrawer documentId={preview} onClose={() => setPreview(null)} />
      <EvidenceTrash open={trash} onClose={() => setTrash(false)} />
      <NodeEvidenceDrawer
        open={nodeDrawer}
        nodeId={route.nodeId}
        onNode={(nodeId) => navigate({ screen: 'library', nodeId })}
        onClose={() => {
          setNodeDrawer(false);
          navigate({ screen: 'library', nodeId: null });
        }}
      />
      {folder && (
        <FolderIntake files={folder} onClose={() => setFolder(null)} onAdd={(b) => void run(b)} />
      )}
    </div>
  );
}

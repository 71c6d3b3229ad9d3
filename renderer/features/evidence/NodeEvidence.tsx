import { SnippetsOutlined } from '@ant-design/icons';
import { Button, Select, Tooltip, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { vi } from '../../i18n/vi';
import { DropZone } from './DropZone';
import { IntakeStatus } from './IntakeStatus';
import { LinkedDocuments } from './LinkedDocuments';
import { LinkExisting } from './LinkExisting';
import type { PickedFile } from './picked';
import { PreviewDrawer } from './PreviewDrawer';
import { useNodeDocuments } from './queries';
import { SlotList } from './SlotList';
import { useIntake } from './useIntake';
import { useScreenshotPaste } from './useScreenshotPaste';

const t = vi.evidence.node;

export interface NodeEvidenceProps {
  /** The sub-criterion (criteria.node id). */
  nodeId: number;
  /** Its code, e.g. "1.1.1" (criteria.node code), for messages and the intake summary. */
  code: string;
  /** Its required evidence slots (criteria.node evidenceSlots), possibly empty. */
  evidenceSlots: string[];
}

/**
 * The evidence behind one sub-criterion: its required slots (filled or missing), its linked
 * documents in order, and intake right there (drop, "Chọn tệp", Ctrl+V of a screenshot,
 * a document already in the library). Self-contained: it reads and writes through the core.
 */
export function NodeEvidence({ nodeId, code, evidenceSlots }: NodeEvidenceProps) {
  const docs = useNodeDocuments(nodeId);
  const intake = useIntake();
  const [slot, setSlot] = useState<string | null>(null);
  const [preview, setPreview] = useState<number | null>(null);
  const chooser = useRef<HTMLDivElement>(null);
  const running = intake.state?.running ?? false;
  const { run } = intake;

  const add = useCallback(
    (files: PickedFile[]) => {
      if (files.length) void run([{ files, nodeId, nodeCode: code, slot }]);
    },
    [run, nodeId, code, slot],
  );
  const addScreenshot = useCallback((file: File) => add([{ file, path: file.name }]), [add]);
  const paste = useScreenshotPaste(addScreenshot);
  const validSlot = slot && evidenceSlots.includes(slot) ? slot : null;

  return (
    <section
      className="ev-node"
      data-testid="node-evidence"
      tabIndex={-1}
      onPaste={(e) => !running && paste.onPaste(e)}
      aria-label={t.title}
    >
      <div className="ev-node-head">
        <Typography.Title level={5}>{t.title}</Typography.Title>
        {docs.data && <span className="ev-muted">{t.count(docs.data.length)}</span>}
      </div>
      <QueryState query={docs}>
        {(items) => (
          <>
            {evidenceSlots.length > 0 && (
              <SlotList
                slots={evidenceSlots}
                items={items}
                onOpen={setPreview}
                onAddFor={(s) => {
                  setSlot(s);
                  chooser.current?.scrollIntoView({ block: 'nearest' });
                  chooser.current?.querySelector<HTMLInputElement>('input[type=file]')?.click();
                }}
              />
            )}
            <div ref={chooser} className="ev-node-intake">
              {evidenceSlots.length > 0 && (
                <div className="ev-slot-choice">
                  <span>{t.slotFor}</span>
                  <Select
                    data-testid="slot-select"
                    value={validSlot ?? ''}
                    onChange={(v: string) => setSlot(v || null)}
                    options={[
                      { value: '', label: t.noSlot },
                      ...evidenceSlots.map((s) => ({ value: s, label: s })),
                    ]}
                    popupMatchSelectWidth={false}
                    style={{ minWidth: 220 }}
                  />
                </div>
              )}
              <DropZone
                testId="node-drop"
                disabled={running}
                onFiles={add}
                hint={t.hint}
                buttons={
                  <>
                    <Tooltip title={t.pasteHint}>
                      <Button
                        icon={<SnippetsOutlined />}
                        disabled={running}
                        onClick={() => void paste.pasteFromClipboard()}
                      >
                        {t.paste}
                      </Button>
                    </Tooltip>
                    <LinkExisting
                      nodeId={nodeId}
                      code={code}
                      slot={validSlot}
                      linkedIds={items.map((i) => i.document.id)}
                      disabled={running}
                    />
                  </>
                }
              />
            </div>
            <IntakeStatus intake={intake} onOpen={setPreview} />
            <div className="ev-section-title">{t.linkedTitle}</div>
            <LinkedDocuments
              nodeId={nodeId}
              items={items}
              slots={evidenceSlots}
              onOpen={setPreview}
            />
          </>
        )}
      </QueryState>
      <PreviewDrawer documentId={preview} onClose={() => setPreview(null)} />
    </section>
  );
}

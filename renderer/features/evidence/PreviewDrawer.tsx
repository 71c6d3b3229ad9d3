import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Spin, Tag, Typography } from 'antd';
import type { EvidenceDetail } from '../../../shared/contract/evidence';
import { formatDateTimeVi } from '../../../shared/dates';
import { call } from '../../api';
import { useApp } from '../../app/context';
import { downloadBase64 } from '../../files';
import { vi } from '../../i18n/vi';
import { DocFlags, DocWarnings } from './DocFlags';
import { docLabel, formatSize, pagesLabel, previewKind } from './format';
import { MetadataForm, SourceTag } from './MetadataForm';
import { PdfView } from './PdfView';
import { useEvidenceDetail } from './queries';
import { TextPreview } from './TextPreview';
import { useDocumentContent } from './useDocumentContent';

const t = vi.evidence.preview;

/** A document on screen (PDF pages, image or extracted text) with its metadata beside it. */
export function PreviewDrawer({
  documentId,
  onClose,
}: {
  documentId: number | null;
  onClose: () => void;
}) {
  const detail = useEvidenceDetail(documentId);
  const doc = detail.data && detail.data.id === documentId ? detail.data : null;
  const needsBytes = doc !== null && previewKind(doc) !== 'text' && !doc.encrypted;
  const content = useDocumentContent(documentId, needsBytes);
  const width = Math.min(1320, window.innerWidth - 32);

  return (
    <Drawer
      open={documentId !== null}
      onClose={onClose}
      size={width}
      destroyOnHidden
      title={doc ? <span className="ev-ellipsis">{docLabel(doc)}</span> : t.title}
      extra={
        doc && (
          <Button
            icon={<DownloadOutlined />}
            disabled={!content.data && needsBytes}
            onClick={() =>
              content.data
                ? downloadBase64(content.data.name, content.data.base64, content.data.mime)
                : void download(doc)
            }
          >
            {t.download}
          </Button>
        )
      }
      rootClassName="ev-preview-drawer"
      classNames={{ body: 'ev-preview-body' }}
    >
      {!doc ? (
        detail.isError ? (
          <Alert type="error" showIcon title={detail.error.message} />
        ) : (
          <Spin description={vi.loading} className="ev-center" />
        )
      ) : (
        <div className="ev-preview" data-testid="preview">
          <div className="ev-viewer">
            <Viewer doc={doc} content={content} />
          </div>
          <aside className="ev-preview-side">
            <div className="ev-preview-file">
              <Typography.Text strong className="ev-break">
                {doc.originalName}
              </Typography.Text>
              <div className="ev-muted">
                {[
                  formatSize(doc.size),
                  doc.pages ? t.pages(doc.pages) : null,
                  t.added(formatDateTimeVi(doc.createdAt), doc.createdBy),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              <div className="ev-tags-line">
                <SourceTag doc={doc} />
                <DocFlags doc={doc} />
              </div>
            </div>
            <DocWarnings doc={doc} />
            <MetadataForm key={doc.id} doc={doc} />
            <Links doc={doc} onGo={onClose} />
          </aside>
        </div>
      )}
    </Drawer>
  );
}

async function download(doc: EvidenceDetail) {
  const c = await call('evidence.content', { documentId: doc.id });
  downloadBase64(c.name, c.base64, c.mime);
}

function Viewer({
  doc,
  content,
}: {
  doc: EvidenceDetail;
  content: ReturnType<typeof useDocumentContent>;
}) {
  const kind = previewKind(doc);
  if (kind === 'text') return <TextPreview documentId={doc.id} textLength={doc.textLength} />;
  if (doc.encrypted)
    return <Alert type="warning" showIcon title={t.password} description={t.downloadInstead} />;
  if (content.error) return <Alert type="warning" showIcon title={content.error} />;
  if (!content.data || !content.bytes)
    return <Spin description={vi.loading} className="ev-center" />;
  if (kind === 'image') {
    return (
      <div className="ev-image-view" data-testid="image-view">
        <img
          src={`data:${content.data.mime};base64,${content.data.base64}`}
          alt={doc.originalName}
        />
      </div>
    );
  }
  return <PdfView key={doc.id} bytes={content.bytes} />;
}

/** The nodes the document backs; a click opens the node in "Bộ tiêu chí". */
function Links({ doc, onGo }: { doc: EvidenceDetail; onGo: () => void }) {
  const { info, assessment, setAssessmentId, navigate } = useApp();
  return (
    <div className="ev-preview-links">
      <div className="ev-section-title">{t.links(doc.links.length)}</div>
      {doc.links.length === 0 && <div className="ev-muted">{t.noLinks}</div>}
      <ul>
        {doc.links.map((l) => (
          <li key={l.id}>
            <Tag
              className="ev-code-tag"
              onClick={() => {
                if (
                  assessment?.id !== l.assessmentId &&
                  info.assessments.some((a) => a.id === l.assessmentId)
                )
                  setAssessmentId(l.assessmentId);
                navigate({ screen: 'criteria', nodeId: l.nodeId });
                onGo();
              }}
            >
              {l.code}
            </Tag>
            <span className="ev-link-title">{l.title}</span>
            <span className="ev-muted">
              {[
                l.assessmentId !== assessment?.id ? vi.header.year(l.year) : null,
                l.slot ? t.slot(l.slot) : null,
                pagesLabel(l.pages) || null,
              ]
                .filter(Boolean)
                .map((s) => ` · ${s}`)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

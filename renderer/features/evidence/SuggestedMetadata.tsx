import { Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { EvidenceDocument } from '../../../shared/contract/evidence';
import { vi } from '../../i18n/vi';
import { DocFlags, DocWarnings } from './DocFlags';
import { MetadataForm, SourceTag } from './MetadataForm';
import { useEvidenceDetail } from './queries';

const t = vi.evidence.suggest;

/**
 * After an intake: what was read from each new document (type, number, date, issuer, subject,
 * draft), one document at a time, for the person to confirm or correct.
 */
export function SuggestedMetadata({
  documents,
  onOpen,
  onDone,
}: {
  documents: EvidenceDocument[];
  onOpen?: (id: number) => void;
  onDone: () => void;
}) {
  const [at, setAt] = useState(0);
  const doc = documents[at];
  if (!doc) return null;
  const next = () => (at + 1 < documents.length ? setAt(at + 1) : onDone());
  return (
    <Card
      size="small"
      className="ev-suggest"
      data-testid="suggested-metadata"
      title={
        <span>
          {t.title}
          {documents.length > 1 && (
            <span className="ev-muted"> ({t.position(at + 1, documents.length)})</span>
          )}
        </span>
      }
      extra={
        <Button size="small" type="text" onClick={onDone}>
          {t.later}
        </Button>
      }
    >
      <Current key={doc.id} first={doc} onNext={next} onOpen={onOpen} />
    </Card>
  );
}

function Current({
  first,
  onNext,
  onOpen,
}: {
  first: EvidenceDocument;
  onNext: () => void;
  onOpen?: (id: number) => void;
}) {
  const detail = useEvidenceDetail(first.id);
  const doc = detail.data ?? first;
  return (
    <>
      <div className="ev-suggest-head">
        <Typography.Text strong className="ev-ellipsis">
          {doc.originalName}
        </Typography.Text>
        <SourceTag doc={doc} />
        <DocFlags doc={doc} />
        {onOpen && (
          <Button size="small" type="link" onClick={() => onOpen(doc.id)}>
            {t.open}
          </Button>
        )}
      </div>
      <DocWarnings doc={doc} />
      {doc.analysisStatus === 'pending' ? (
        <Space className="ev-muted">
          <Spin size="small" /> {t.reading}
        </Space>
      ) : (
        <>
          <div className="ev-muted ev-suggest-hint">{t.hint}</div>
          <MetadataForm doc={doc} onDone={onNext} onCancel={onNext} cancelLabel={t.skip} />
        </>
      )}
    </>
  );
}

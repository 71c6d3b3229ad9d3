import { Alert, Button, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api';
import { vi } from '../../i18n/vi';

const t = vi.evidence.preview;

/** Word/Excel/OpenDocument files: the text the core extracted, or a plain "open the file". */
export function TextPreview({
  documentId,
  textLength,
}: {
  documentId: number;
  textLength: number;
}) {
  const [limit, setLimit] = useState(20_000);
  const text = useQuery({
    queryKey: ['evidence.text', documentId, limit],
    queryFn: () => call('evidence.text', { documentId, limit }),
    enabled: textLength > 0,
  });
  if (textLength === 0) {
    return <Alert type="info" showIcon title={t.unsupported} className="ev-preview-alert" />;
  }
  if (!text.data) return <Spin description={vi.loading} className="ev-center" />;
  return (
    <div className="ev-text-preview" data-testid="text-preview">
      <div className="ev-muted">{t.textOnly}</div>
      <pre>{text.data.text}</pre>
      {text.data.total > text.data.text.length && (
        <Button
          onClick={() => setLimit((l) => Math.min(200_000, l * 4))}
          disabled={limit >= 200_000}
        >
          {t.more(text.data.text.length, text.data.total)}
        </Button>
      )}
    </div>
  );
}

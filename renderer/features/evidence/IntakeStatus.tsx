import { useState } from 'react';
import { IntakeProgress } from './IntakeProgress';
import { IntakeSummary } from './IntakeSummary';
import { SuggestedMetadata } from './SuggestedMetadata';
import type { useIntake } from './useIntake';

const SUGGEST_UP_TO = 20;

/** Progress while files go in; then the summary and the metadata read from the new documents. */
export function IntakeStatus({
  intake,
  onOpen,
}: {
  intake: ReturnType<typeof useIntake>;
  onOpen?: (documentId: number) => void;
}) {
  const { state, cancel, clear } = intake;
  const [suggestClosed, setSuggestClosed] = useState<number | null>(null);
  if (!state) return null;
  if (state.running) return <IntakeProgress state={state} onCancel={cancel} />;
  const fresh = state.rows.flatMap((r) =>
    r.status === 'added' && r.document && r.document.metadataSource === 'auto' ? [r.document] : [],
  );
  // One by one suits a handful of documents; a big batch is checked in the library's list.
  return (
    <div className="ev-intake-result">
      <IntakeSummary state={state} onClose={clear} />
      {fresh.length > 0 && fresh.length <= SUGGEST_UP_TO && suggestClosed !== state.runId && (
        <SuggestedMetadata
          key={state.runId}
          documents={fresh}
          onOpen={onOpen}
          onDone={() => setSuggestClosed(state.runId)}
        />
      )}
    </div>
  );
}

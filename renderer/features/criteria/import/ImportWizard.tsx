import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Space, Spin, Steps, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FileRef } from '../../../../shared/contract/files';
import type { ImportPreview } from '../../../../shared/contract/criteria-import';
import { call } from '../../../api';
import { useApp } from '../../../app/context';
import { toFileRef } from '../../../files';
import { vi } from '../../../i18n/vi';
import { useCoreAction } from '../useCoreAction';
import { ImportDropzone } from './ImportDropzone';
import { ImportOffices } from './ImportOffices';
import { ImportPreviewTree, ImportStats } from './ImportPreviewTree';
import { ImportSettings } from './ImportSettings';
import { ImportTargetForm, type TargetValues } from './ImportTargetForm';
import { ImportWarnings } from './ImportWarnings';
import { isTableFile, nameFromFile, pointsText, type ImportOptions } from './import-model';

const t = vi.importWizard;

/**
 * "Nhập bộ tiêu chí từ Excel/Word": pick a file, see what the core reads (sheet, header row,
 * columns, tree, warnings) and adjust it, then choose where it goes. Nothing is written
 * before "Nhập".
 */
export function ImportWizard({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (assessmentId: number) => void;
}) {
  const { assessment } = useApp();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [ref, setRef] = useState<FileRef | null>(null);
  const [uploading, setUploading] = useState(false);
  const [options, setOptions] = useState<ImportOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<TargetValues>({
    kind: 'new',
    year: new Date().getFullYear(),
    name: '',
    indexKind: 'PAR',
  });

  const read = useMutation({
    mutationFn: (input: { file: FileRef; options: ImportOptions }) =>
      call('criteria.importPreview', input),
  });
  const apply = useCoreAction('criteria.importApply', {
    inlineError: true,
    success: (r) => t.applied(r.nodes, r.assessment.frameworkName, r.assessment.year),
    onSuccess: (r) => {
      onImported(r.assessment.id);
      onClose();
    },
  });

  const runPreview = (fileRef: FileRef, o: ImportOptions) => {
    setOptions(o);
    // Only the latest call's callbacks run, so quick changes never show an older reading.
    read.mutate(
      { file: fileRef, options: o },
      {
        onSuccess: (p) => {
          // A reading with a problem still shows the sheets, header row and columns it saw,
          // so the person can choose them and read again.
          setPreview(p);
          setVersion((v) => v + 1);
          setError(p.problem ? p.problem.message : null);
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  const pick = (f: File) => {
    if (!isTableFile(f.name)) {
      setError(t.badType(f.name));
      return;
    }
    setFile(f);
    setRef(null);
    setPreview(null);
    setError(null);
    setStep(1);
    setTarget((v) => ({ ...v, name: nameFromFile(f.name) }));
    setUploading(true);
    toFileRef(f)
      .then((r) => {
        setRef(r);
        runPreview(r, {});
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setUploading(false));
  };

  const busy = uploading || read.isPending;
  const canApply =
    target.kind === 'replace' || (target.year !== null && target.name.trim().length > 0);
  const doApply = () => {
    if (!ref) return;
    apply.mutate({
      file: ref,
      options,
      target:
        target.kind === 'replace' && assessment
          ? { kind: 'replace', assessmentId: assessment.id }
          : {
              kind: 'new',
              year: target.year ?? new Date().getFullYear(),
              name: target.name.trim(),
              indexKind: target.indexKind,
            },
    });
  };

  const footer =
    step === 0 ? null : (
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={() => (step === 2 ? setStep(1) : setStep(0))}>{t.back}</Button>
        {step === 1 ? (
          <Button
            type="primary"
            disabled={!preview || !!preview.problem || !!error || busy}
            onClick={() => setStep(2)}
            data-testid="import-next"
          >
            {t.next}
          </Button>
        ) : (
          <Button
            type="primary"
            disabled={!canApply}
            loading={apply.isPending}
            onClick={doApply}
            data-testid="import-apply"
          >
            {t.apply}
          </Button>
        )}
      </Space>
    );

  return (
    <Drawer
      open
      title={t.title}
      size={1140}
      onClose={onClose}
      footer={footer}
      destroyOnHidden
      data-testid="import-wizard"
    >
      <Steps
        size="small"
        current={step}
        items={[{ title: t.steps.file }, { title: t.steps.check }, { title: t.steps.target }]}
        style={{ marginBottom: 20 }}
      />
      {step === 0 && (
        <>
          <ImportDropzone onFile={pick} />
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        </>
      )}
      {step === 1 && file && (
        <div className="import-check">
          <div className="import-side">
            <div className="import-file">
              {/\.docx$/i.test(file.name) ? <FileWordOutlined /> : <FileExcelOutlined />}
              <Typography.Text strong ellipsis={{ tooltip: file.name }} data-testid="import-file">
                {file.name}
              </Typography.Text>
              <Button size="small" onClick={() => setStep(0)}>
                {t.chooseOther}
              </Button>
            </div>
            {preview && ref && (
              <ImportSettings
                preview={preview}
                options={options}
                onChange={(o) => runPreview(ref, o)}
              />
            )}
          </div>
          <div className="import-main">
            {busy && (
              <div className="import-busy">
                <Spin size="small" /> {preview ? t.updating : t.reading(file.name)}
              </div>
            )}
            {error && (
              <Alert
                type="error"
                showIcon
                title={t.previewError}
                description={
                  <>
                    <div>{error}</div>
                    {preview?.problem && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t.problemHelp}
                      </Typography.Text>
                    )}
                    {preview?.problem?.kind === 'maxPoints' && ref && (
                      <div style={{ marginTop: 8 }}>
                        <Button
                          size="small"
                          data-testid="import-no-points"
                          onClick={() =>
                            runPreview(ref, {
                              ...options,
                              mapping: { ...options.mapping, maxPoints: null },
                            })
                          }
                        >
                          {t.noPoints}
                        </Button>
                      </div>
                    )}
                  </>
                }
                data-testid="import-error"
                style={{ marginBottom: 12 }}
              />
            )}
            {preview && !preview.problem && (
              <div className={busy ? 'import-stale' : undefined}>
                <ImportStats stats={preview.stats} />
                <ImportOffices offices={preview.offices} />
                <ImportWarnings warnings={preview.warnings} />
                <ImportPreviewTree preview={preview} version={version} />
              </div>
            )}
          </div>
        </div>
      )}
      {step === 2 && preview && (
        <>
          <Alert
            type="success"
            showIcon
            title={`${file?.name ?? ''} — ${preview.sheet}`}
            description={t.summary(
              preview.stats.nodes,
              preview.stats.leaves,
              pointsText(preview.stats.maxPoints) || '0',
            )}
            style={{ marginBottom: 20 }}
          />
          <ImportOffices offices={preview.offices} />
          <ImportTargetForm value={target} onChange={setTarget} current={assessment} />
          {apply.error && (
            <Alert type="error" showIcon title={apply.error.message} style={{ marginTop: 12 }} />
          )}
        </>
      )}
    </Drawer>
  );
}

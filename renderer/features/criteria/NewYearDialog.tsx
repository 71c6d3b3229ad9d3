import { Alert, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Assessment } from '../../../shared/models';
import { vi } from '../../i18n/vi';
import { useCoreAction } from './useCoreAction';

const t = vi.newYear;

/** "Tạo kỳ đánh giá năm mới" from the current assessment, then switch to it. */
export function NewYearDialog({
  from,
  onClose,
  onCreated,
}: {
  from: Assessment;
  onClose: () => void;
  onCreated: (a: Assessment) => void;
}) {
  const [year, setYear] = useState<number | null>(from.year + 1);
  const create = useCoreAction('assessment.newYear', {
    inlineError: true,
    success: (a) => t.created(a.year),
    onSuccess: (a) => {
      onClose();
      onCreated(a);
    },
  });
  return (
    <Modal
      open
      title={t.title}
      okText={t.create}
      cancelText={vi.nodeEdit.cancel}
      okButtonProps={{ disabled: !year }}
      onOk={() => year && create.mutate({ fromAssessmentId: from.id, year })}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph>{t.intro(from.frameworkName, from.year)}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t.year}>
          <InputNumber
            data-testid="new-year-input"
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => setYear(v)}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
      {create.error && <Alert type="error" showIcon title={create.error.message} />}
    </Modal>
  );
}

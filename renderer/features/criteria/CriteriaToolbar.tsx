import {
  CalendarOutlined,
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
} from '@ant-design/icons';
import { Button, Space } from 'antd';
import { downloadBase64 } from '../../files';
import { vi } from '../../i18n/vi';
import { useCoreAction } from './useCoreAction';

const t = vi.criteriaTools;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The assessment-wide actions above the criteria screen. */
export function CriteriaToolbar({
  assessmentId,
  onImport,
  onNewYear,
  onTrash,
}: {
  assessmentId: number | null;
  onImport: () => void;
  onNewYear: () => void;
  onTrash: () => void;
}) {
  const exportTable = useCoreAction('criteria.exportTable', {
    success: (r) => t.exported(r.fileName),
    onSuccess: (r) => downloadBase64(r.fileName, r.base64, XLSX_MIME),
  });
  return (
    <div className="criteria-toolbar" data-testid="criteria-toolbar">
      <Space wrap size={[8, 8]}>
        <Button type="primary" icon={<FileExcelOutlined />} onClick={onImport}>
          {t.import}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={exportTable.isPending}
          disabled={assessmentId === null}
          onClick={() => assessmentId !== null && exportTable.mutate({ assessmentId })}
        >
          {t.export}
        </Button>
        <Button icon={<CalendarOutlined />} disabled={assessmentId === null} onClick={onNewYear}>
          {t.newYear}
        </Button>
        <Button icon={<DeleteOutlined />} disabled={assessmentId === null} onClick={onTrash}>
          {t.trash}
        </Button>
      </Space>
    </div>
  );
}

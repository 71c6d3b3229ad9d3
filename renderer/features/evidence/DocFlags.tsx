import { WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { EvidenceDocument } from '../../../shared/contract/evidence';
import { docFlags } from './format';

/** Bản scan, dự thảo, có mật khẩu, quá dung lượng tải lên… as small tags. */
export function DocFlags({ doc }: { doc: EvidenceDocument }) {
  const flags = docFlags(doc);
  if (flags.length === 0) return null;
  return (
    <span className="ev-flags">
      {flags.map((f) => (
        <Tooltip key={f.key} title={f.hint}>
          <Tag color={f.color} data-flag={f.key}>
            {f.label}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

/** The core's sentences about what is wrong with the file. */
export function DocWarnings({ doc }: { doc: EvidenceDocument }) {
  if (doc.warnings.length === 0) return null;
  return (
    <ul className="ev-warnings">
      {doc.warnings.map((w) => (
        <li key={w}>
          <WarningFilled className="ev-warn" /> {w}
        </li>
      ))}
    </ul>
  );
}

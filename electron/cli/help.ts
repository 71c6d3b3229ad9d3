import type { Command, Help } from 'commander';

/** Commander's help, with Vietnamese headings. */
export function vietnameseHelp(cmd: Command, helper: Help): string {
  const width = helper.padWidth(cmd, helper);
  const item = (term: string, desc: string) =>
    desc ? `  ${term.padEnd(width + 2)}${desc}` : `  ${term}`;
  const usage = helper
    .commandUsage(cmd)
    .replace('[options]', '[tùy chọn]')
    .replace('[command]', '[lệnh]');
  const out: string[] = [`Cách dùng: ${usage}`, ''];
  const desc = helper.commandDescription(cmd);
  if (desc) out.push(desc, '');
  const args = helper.visibleArguments(cmd);
  if (args.length) {
    out.push(
      'Tham số:',
      ...args.map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a))),
      '',
    );
  }
  const opts = helper.visibleOptions(cmd);
  if (opts.length) {
    out.push(
      'Tùy chọn:',
      ...opts.map((o) => item(helper.optionTerm(o), helper.optionDescription(o))),
      '',
    );
  }
  const cmds = helper.visibleCommands(cmd);
  if (cmds.length) {
    out.push(
      'Lệnh:',
      ...cmds.map((c) => item(helper.subcommandTerm(c), helper.subcommandDescription(c))),
      '',
    );
  }
  return out.join('\n');
}

export function vietnameseCommanderError(code: string, message: string): string {
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (code) {
    case 'commander.missingArgument':
      return `Thiếu tham số bắt buộc “${quoted ?? ''}”. Xem hskc <lệnh> --help.`;
    case 'commander.unknownCommand':
      return `Không có lệnh “${quoted ?? ''}”. Xem hskc --help.`;
    case 'commander.unknownOption':
      return `Không có tùy chọn “${quoted ?? ''}”.`;
    case 'commander.optionMissingArgument':
      return `Tùy chọn “${quoted ?? ''}” cần một giá trị.`;
    case 'commander.missingMandatoryOptionValue':
      return `Thiếu tùy chọn bắt buộc “${quoted ?? ''}”. Xem hskc <lệnh> --help.`;
    case 'commander.excessArguments':
      return 'Thừa tham số. Xem hskc <lệnh> --help.';
    case 'commander.invalidArgument':
      return `Giá trị không hợp lệ: ${message.replace(/^error: /, '')}`;
    default:
      return message.replace(/^error: /, 'Lỗi: ');
  }
}

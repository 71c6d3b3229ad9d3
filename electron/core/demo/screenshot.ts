import type { Font } from '@cantoo/fontkit';
import type { FontSet } from './pdf';
import { Coverage, encodePng, Picture } from './raster';

/** The ward portal's "Công khai thủ tục hành chính" page, as a person would screenshot it. */

type Rgb = [number, number, number];
const W = 1280;
const H = 760;

const ROWS: [string, string, string][] = [
  ['Đăng ký khai sinh', 'Hộ tịch', 'Toàn trình'],
  ['Đăng ký kết hôn', 'Hộ tịch', 'Toàn trình'],
  ['Đăng ký khai tử', 'Hộ tịch', 'Toàn trình'],
  ['Cấp bản sao trích lục hộ tịch', 'Hộ tịch', 'Toàn trình'],
  ['Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Chứng thực', 'Một phần'],
  ['Chứng thực chữ ký trong các giấy tờ, văn bản', 'Chứng thực', 'Một phần'],
  ['Đăng ký thành lập hộ kinh doanh', 'Hộ kinh doanh', 'Toàn trình'],
  ['Xét tặng danh hiệu "Gia đình văn hóa"', 'Văn hóa cơ sở', 'Một phần'],
];

export function portalScreenshot(fonts: FontSet): Buffer {
  const pic = new Picture(W, H, [255, 255, 255]);
  const masks = new Map<string, { rgb: Rgb; cov: Coverage }>();
  const ink = (rgb: Rgb) => {
    const key = rgb.join(',');
    let m = masks.get(key);
    if (!m) masks.set(key, (m = { rgb, cov: new Coverage(W, H) }));
    return m.cov;
  };
  const text = (t: string, x: number, y: number, size: number, font: Font, rgb: Rgb) =>
    ink(rgb).text(font, t, x, y, size);
  const { regular: R, bold: B } = fonts.parsed;
  const dark: Rgb = [34, 34, 34];
  const white: Rgb = [255, 255, 255];
  const red: Rgb = [140, 20, 20];
  const grey: Rgb = [110, 110, 110];

  // Browser frame and address bar.
  pic.rect(0, 0, W, 44, [222, 225, 230]);
  pic.rect(90, 8, 900, 28, [255, 255, 255]);
  text('https://dongkinh.langson.gov.vn/thu-tuc-hanh-chinh/cong-khai', 104, 28, 15, R, grey);
  for (let i = 0; i < 3; i++) pic.rect(18 + i * 22, 16, 12, 12, [170, 170, 175]);

  // Portal header and menu.
  pic.rect(0, 44, W, 96, [163, 27, 27]);
  // The emblem: a gold disc with a red five-pointed star.
  const [ex, ey, er] = [74, 92, 34];
  ink([250, 204, 21]).polygon(
    Array.from({ length: 64 }, (_, i): [number, number] => [
      ex + er * Math.cos((i * Math.PI) / 32),
      ey + er * Math.sin((i * Math.PI) / 32),
    ]),
  );
  const star = Array.from({ length: 10 }, (_, i): [number, number] => {
    const r = i % 2 ? er * 0.32 : er * 0.8;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [ex + r * Math.cos(a), ey + r * Math.sin(a)];
  });
  text('CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG ĐÔNG KINH', 128, 92, 30, B, white);
  text('Ủy ban nhân dân phường Đông Kinh - tỉnh Lạng Sơn', 130, 120, 17, R, white);
  pic.rect(0, 140, W, 42, [125, 18, 18]);
  let x = 40;
  for (const item of [
    'Trang chủ',
    'Giới thiệu',
    'Tin tức - Sự kiện',
    'Thủ tục hành chính',
    'Công khai',
    'Liên hệ',
  ]) {
    const w = ink(white).width(B, item, 16);
    if (item === 'Thủ tục hành chính') pic.rect(x - 14, 140, w + 28, 42, [190, 45, 45]);
    text(item, x, 167, 16, B, white);
    x += w + 44;
  }

  text('Trang chủ  ›  Thủ tục hành chính  ›  Công khai thủ tục hành chính', 40, 214, 15, R, grey);
  text(
    'CÔNG KHAI THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND PHƯỜNG',
    40,
    254,
    21,
    B,
    red,
  );
  text(
    'Cập nhật: 12/03/2026   ·   Tổng số: 112 thủ tục   ·   Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính',
    40,
    282,
    15,
    R,
    grey,
  );

  // The table.
  const cols = [40, 110, 820, 1040, W - 40];
  const top = 300;
  const rowH = 44;
  pic.rect(cols[0]!, top, cols[4]! - cols[0]!, rowH, [240, 228, 228]);
  ['STT', 'Tên thủ tục hành chính', 'Lĩnh vực', 'Mức độ DVC'].forEach((h, i) =>
    text(h, cols[i]! + 14, top + 28, 16, B, dark),
  );
  ROWS.forEach((r, i) => {
    const y = top + rowH * (i + 1);
    if (i % 2 === 1) pic.rect(cols[0]!, y, cols[4]! - cols[0]!, rowH, [249, 249, 249]);
    text(String(i + 1), cols[0]! + 22, y + 28, 16, R, dark);
    text(r[0], cols[1]! + 14, y + 28, 16, R, [20, 80, 160]);
    text(r[1], cols[2]! + 14, y + 28, 16, R, dark);
    text(r[2], cols[3]! + 14, y + 28, 16, R, r[2] === 'Toàn trình' ? [22, 120, 60] : dark);
  });
  const bottom = top + rowH * (ROWS.length + 1);
  for (let i = 0; i <= ROWS.length + 1; i++)
    pic.rect(cols[0]!, top + i * rowH, cols[4]! - cols[0]!, 1, [210, 210, 210]);
  for (const c of cols) pic.rect(c, top, 1, bottom - top, [210, 210, 210]);

  pic.rect(0, H - 44, W, 44, [60, 60, 60]);
  text(
    '© Ủy ban nhân dân phường Đông Kinh · Địa chỉ: phường Đông Kinh, tỉnh Lạng Sơn',
    40,
    H - 16,
    14,
    R,
    white,
  );

  for (const { rgb, cov } of masks.values()) pic.paint(cov, rgb);
  // Over the disc, so painted after it.
  const starMask = new Coverage(W, H);
  starMask.polygon(star);
  pic.paint(starMask, [200, 16, 46]);
  return encodePng(W, H, 3, pic.px);
}

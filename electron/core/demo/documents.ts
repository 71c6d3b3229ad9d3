/**
 * The demo's evidence documents: what UBND phường Đông Kinh really produces for its PAR INDEX
 * dossier, laid out per Nghị định 30/2020/NĐ-CP (see layout.ts). Metadata is the ground truth
 * an assessor would read off page 1.
 */

export type Para =
  string | { text: string; style: 'bold' | 'center-bold' | 'italic'; indent?: boolean };

export interface DemoLink {
  code: string;
  slot?: string;
  pages?: string;
  note?: string;
}

export interface DemoDoc {
  file: string;
  office: string;
  /** Lines of the issuing body, top left. */
  issuer: string[];
  /** Printed after "Số: "; for a draft only the symbol ("/KH-UBND") is printed. */
  number: string;
  /** [day or null for a draft, month, year]. */
  date: [number | null, number, number];
  heading: string | null;
  subject: string[];
  /** A letter's subject under its number ("V/v …"). */
  vv?: string[];
  greeting?: string;
  body: Para[];
  recipients: string[];
  signer: { lines: string[]; name: string };
  draft?: boolean;
  /** Printed, signed and scanned: the PDF holds only an image of the page. */
  scan?: boolean;
  meta: {
    docType: string | null;
    number: string | null;
    issuedOn: string | null;
    issuer: string | null;
    subject: string | null;
    draft: boolean;
  };
  /** A person typed the metadata (scans, screenshots). */
  userMeta?: boolean;
  note?: string;
  links: DemoLink[];
}

const UBND = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG ĐÔNG KINH'];
const ISSUER = 'Ủy ban nhân dân phường Đông Kinh';
const CHAIR = { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nông Văn Hùng' };
const VICE = { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Hoàng Thị Lan' };
const REPORT_TO = ['UBND tỉnh (b/c);', 'Sở Nội vụ (b/c);', 'TT Đảng ủy, HĐND phường;'];

export const DEMO_DOCS: DemoDoc[] = [
  {
    file: '215_KH-UBND_CCHC_2026.pdf',
    office: 'Văn phòng HĐND và UBND',
    issuer: UBND,
    number: '215/KH-UBND',
    date: [15, 12, 2025],
    heading: 'KẾ HOẠCH',
    subject: ['Cải cách hành chính năm 2026 trên địa bàn phường Đông Kinh'],
    body: [
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
      'Căn cứ Kế hoạch cải cách hành chính nhà nước năm 2026 của Ủy ban nhân dân tỉnh Lạng Sơn;',
      'Ủy ban nhân dân phường Đông Kinh ban hành Kế hoạch cải cách hành chính năm 2026 như sau:',
      { text: 'I. MỤC ĐÍCH, YÊU CẦU', style: 'bold' },
      '1. Triển khai đồng bộ, toàn diện các nội dung cải cách hành chính; lấy người dân, tổ chức làm trung tâm; nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng của người dân, tổ chức (SIPAS) của phường.',
      '2. Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị; gắn kết quả thực hiện với đánh giá, xếp loại cán bộ, công chức cuối năm.',
      { text: 'II. NHIỆM VỤ TRỌNG TÂM', style: 'bold' },
      '1. Công tác chỉ đạo, điều hành: ban hành và triển khai kế hoạch tuyên truyền, kế hoạch kiểm tra cải cách hành chính; báo cáo định kỳ quý, 6 tháng, năm đúng thời hạn.',
      '2. Cải cách thủ tục hành chính: công khai 100% thủ tục hành chính tại Bộ phận Một cửa và trên Cổng thông tin điện tử phường; tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn đạt trên 98%.',
      '3. Xây dựng chính quyền số: tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 60%; 100% văn bản trao đổi giữa các cơ quan dưới dạng điện tử, có chữ ký số.',
      '4. Cải cách chế độ công vụ: bố trí công chức theo vị trí việc làm được phê duyệt; hoàn thành kế hoạch đào tạo, bồi dưỡng năm 2026.',
      { text: 'III. TỔ CHỨC THỰC HIỆN', style: 'bold' },
      'Văn phòng HĐND và UBND phường là đầu mối, theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về Ủy ban nhân dân phường trước ngày 10/12/2026.',
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND) để được hướng dẫn./.',
    ],
    recipients: [
      ...REPORT_TO,
      'Chủ tịch, các PCT UBND phường;',
      'Các cơ quan, đơn vị;',
      'Lưu: VT, VP.',
    ],
    signer: CHAIR,
    meta: {
      docType: 'KH',
      number: '215/KH-UBND',
      issuedOn: '2025-12-15',
      issuer: ISSUER,
      subject: 'Cải cách hành chính năm 2026 trên địa bàn phường Đông Kinh',
      draft: false,
    },
    links: [
      { code: '1.1.1', slot: 'Kế hoạch' },
      { code: '7.3.1', pages: '1', note: 'Chỉ tiêu hồ sơ trực tuyến toàn trình: mục II.3' },
    ],
  },
  {
    file: 'QD 35 ban hanh KH kiem tra CCHC 2026.pdf',
    office: 'Văn phòng HĐND và UBND',
    issuer: UBND,
    number: '35/QĐ-UBND',
    date: [10, 1, 2026],
    heading: 'QUYẾT ĐỊNH',
    subject: ['Về việc ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2026'],
    body: [
      { text: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH', style: 'center-bold' },
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Kế hoạch số 215/KH-UBND ngày 15/12/2025 của Ủy ban nhân dân phường về cải cách hành chính năm 2026;',
      'Theo đề nghị của Chánh Văn phòng HĐND và UBND phường.',
      { text: 'QUYẾT ĐỊNH:', style: 'center-bold' },
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn phường Đông Kinh.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng HĐND và UBND phường, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.',
    ],
    recipients: ['Như Điều 3;', 'Chủ tịch, các PCT UBND phường;', 'Lưu: VT, VP.'],
    signer: CHAIR,
    meta: {
      docType: 'QĐ',
      number: '35/QĐ-UBND',
      issuedOn: '2026-01-10',
      issuer: ISSUER,
      subject: 'Về việc ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2026',
      draft: false,
    },
    links: [{ code: '1.4.1' }],
  },
  {
    file: 'BC 142 ket qua CCHC 6 thang 2026.pdf',
    office: 'Văn phòng HĐND và UBND',
    issuer: UBND,
    number: '142/BC-UBND',
    date: [18, 6, 2026],
    heading: 'BÁO CÁO',
    subject: ['Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026'],
    body: [
      'Thực hiện Kế hoạch số 215/KH-UBND ngày 15/12/2025 của Ủy ban nhân dân phường về cải cách hành chính năm 2026, Ủy ban nhân dân phường Đông Kinh báo cáo kết quả 6 tháng đầu năm 2026 như sau:',
      { text: 'I. KẾT QUẢ THỰC HIỆN', style: 'bold' },
      { text: '1. Công tác chỉ đạo, điều hành', style: 'bold' },
      'Ủy ban nhân dân phường đã ban hành đầy đủ các kế hoạch cải cách hành chính, kế hoạch tuyên truyền và kế hoạch kiểm tra năm 2026; đã tổ chức kiểm tra 03/05 cơ quan, đơn vị, đạt 60% kế hoạch.',
      { text: '2. Cải cách thủ tục hành chính', style: 'bold' },
      'Tiếp nhận 2.418 hồ sơ, đã giải quyết 2.356 hồ sơ, trong đó 2.341 hồ sơ trước hạn và đúng hạn (đạt 99,36%); 15 hồ sơ trễ hạn đã có văn bản xin lỗi người dân, tổ chức. 100% thủ tục hành chính được công khai tại Bộ phận Một cửa và trên Cổng thông tin điện tử phường.',
      { text: '3. Xây dựng chính quyền số', style: 'bold' },
      'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 64,2%; tỷ lệ thanh toán trực tuyến đạt 41,5%; 100% văn bản đi được ký số và gửi dưới dạng điện tử.',
      { text: 'II. TỒN TẠI, HẠN CHẾ', style: 'bold' },
      'Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm, mới đạt 72%; một số cơ quan chưa cập nhật tài liệu kiểm chứng đúng thời hạn.',
      { text: 'III. NHIỆM VỤ 6 THÁNG CUỐI NĂM', style: 'bold' },
      '1. Hoàn thành kiểm tra 02 cơ quan, đơn vị còn lại trong Quý III năm 2026.',
      '2. Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, phấn đấu đạt 100% trước ngày 30/11/2026.',
      '3. Rà soát, bổ sung tài liệu kiểm chứng cho từng tiêu chí thành phần của Chỉ số cải cách hành chính năm 2026./.',
    ],
    recipients: [...REPORT_TO, 'Lưu: VT, VP.'],
    signer: VICE,
    meta: {
      docType: 'BC',
      number: '142/BC-UBND',
      issuedOn: '2026-06-18',
      issuer: ISSUER,
      subject: 'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026',
      draft: false,
    },
    // 1.1.2 and 3.3.1 are left without evidence on purpose: the demo shows gaps too.
    links: [{ code: '1.2.1', pages: '1-2', note: 'Kết quả 6 tháng: mục I' }],
  },
  {
    file: 'KH-228-UBND tuyen truyen CCHC.pdf',
    office: 'Phòng Văn hóa - Xã hội',
    issuer: UBND,
    number: '228/KH-UBND',
    date: [19, 12, 2025],
    heading: 'KẾ HOẠCH',
    subject: ['Tuyên truyền cải cách hành chính năm 2026'],
    body: [
      'Thực hiện Kế hoạch số 215/KH-UBND ngày 15/12/2025 của Ủy ban nhân dân phường về cải cách hành chính năm 2026, Ủy ban nhân dân phường ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 như sau:',
      { text: 'I. NỘI DUNG TUYÊN TRUYỀN', style: 'bold' },
      '1. Các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về cải cách hành chính; kết quả Chỉ số PAR INDEX, SIPAS năm 2025 của tỉnh và của phường.',
      '2. Thủ tục hành chính, dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến; cách phản ánh, kiến nghị về thủ tục hành chính.',
      { text: 'II. HÌNH THỨC', style: 'bold' },
      'Trên Cổng thông tin điện tử phường, hệ thống truyền thanh cơ sở, tại Bộ phận Một cửa và các buổi sinh hoạt khu dân cư; ít nhất 12 tin, bài trong năm.',
      { text: 'III. TỔ CHỨC THỰC HIỆN', style: 'bold' },
      'Phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng HĐND và UBND phường thực hiện; báo cáo kết quả cùng báo cáo cải cách hành chính định kỳ./.',
    ],
    recipients: [
      'Sở Văn hóa, Thể thao và Du lịch (b/c);',
      'Các cơ quan, đơn vị;',
      'Lưu: VT, VHXH.',
    ],
    signer: VICE,
    meta: {
      docType: 'KH',
      number: '228/KH-UBND',
      issuedOn: '2025-12-19',
      issuer: ISSUER,
      subject: 'Tuyên truyền cải cách hành chính năm 2026',
      draft: false,
    },
    links: [{ code: '1.3.1', slot: 'Kế hoạch' }],
  },
  {
    file: 'scan_0012.pdf',
    office: 'Văn phòng HĐND và UBND',
    issuer: UBND,
    number: '09/TB-UBND',
    date: [20, 3, 2026],
    heading: 'THÔNG BÁO',
    subject: ['Kết luận kiểm tra công tác cải cách hành chính', 'tại Bộ phận Một cửa phường'],
    body: [
      'Ngày 12/3/2026, Đoàn kiểm tra theo Quyết định số 35/QĐ-UBND ngày 10/01/2026 của Ủy ban nhân dân phường đã kiểm tra công tác cải cách hành chính tại Bộ phận Một cửa phường. Ủy ban nhân dân phường thông báo kết luận như sau:',
      '1. Bộ phận Một cửa niêm yết đầy đủ, đúng quy định 100% thủ tục hành chính thuộc thẩm quyền giải quyết; thái độ phục vụ của công chức được người dân đánh giá hài lòng.',
      '2. Còn 15 hồ sơ trễ hạn trong Quý I; yêu cầu Trung tâm Phục vụ hành chính công rà soát nguyên nhân, báo cáo Ủy ban nhân dân phường trước ngày 31/3/2026./.',
    ],
    recipients: ['Trung tâm Phục vụ hành chính công;', 'Lưu: VT, VP.'],
    signer: VICE,
    scan: true,
    userMeta: true,
    meta: {
      docType: 'TB',
      number: '09/TB-UBND',
      issuedOn: '2026-03-20',
      issuer: ISSUER,
      subject: 'Kết luận kiểm tra công tác cải cách hành chính tại Bộ phận Một cửa phường',
      draft: false,
    },
    links: [{ code: '1.4.2' }],
  },
  {
    file: 'Du thao KH kiem soat TTHC 2026.pdf',
    office: 'Trung tâm Phục vụ hành chính công',
    issuer: UBND,
    number: '/KH-UBND',
    date: [null, 1, 2026],
    heading: 'KẾ HOẠCH',
    subject: ['Kiểm soát thủ tục hành chính năm 2026'],
    draft: true,
    body: [
      'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính (được sửa đổi, bổ sung);',
      'Ủy ban nhân dân phường xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2026 như sau:',
      { text: 'I. MỤC ĐÍCH, YÊU CẦU', style: 'bold' },
      'Kiểm soát chặt chẽ việc thực hiện thủ tục hành chính; rà soát, đề xuất đơn giản hóa ít nhất 05 thủ tục hành chính thuộc thẩm quyền của phường.',
      { text: 'II. NHIỆM VỤ', style: 'bold' },
      'Trung tâm Phục vụ hành chính công chủ trì rà soát, cập nhật danh mục thủ tục hành chính; công khai kịp thời trên Cổng thông tin điện tử và tại Bộ phận Một cửa./.',
    ],
    recipients: ['Như trên;', 'Lưu: VT, TTPVHCC.'],
    signer: CHAIR,
    meta: {
      docType: 'KH',
      number: null,
      issuedOn: null,
      issuer: ISSUER,
      subject: 'Kiểm soát thủ tục hành chính năm 2026',
      draft: true,
    },
    links: [{ code: '3.1.1', slot: 'Kế hoạch' }],
  },
  {
    file: '56_UBND-VP_don_doc_TLKC.pdf',
    office: 'Văn phòng HĐND và UBND',
    issuer: UBND,
    number: '56/UBND-VP',
    date: [5, 3, 2026],
    heading: null,
    subject: [],
    vv: ['V/v đôn đốc cập nhật tài liệu kiểm', 'chứng Chỉ số CCHC năm 2026'],
    greeting: 'Kính gửi: Các cơ quan, đơn vị thuộc Ủy ban nhân dân phường.',
    body: [
      'Để chuẩn bị hồ sơ tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 gửi Sở Nội vụ, Ủy ban nhân dân phường đề nghị các cơ quan, đơn vị:',
      '1. Rà soát, cập nhật đầy đủ tài liệu kiểm chứng cho các tiêu chí thành phần được giao chủ trì vào phần mềm Hồ sơ kiểm chứng trước ngày 30/3/2026.',
      '2. Tài liệu kiểm chứng phải là văn bản đã ban hành (có số, ngày, chữ ký, dấu), ban hành trong năm đánh giá; không sử dụng bản dự thảo.',
      'Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.',
    ],
    recipients: ['Như trên;', 'Lưu: VT, VP.'],
    signer: VICE,
    meta: {
      docType: 'CV',
      number: '56/UBND-VP',
      issuedOn: '2026-03-05',
      issuer: ISSUER,
      subject: 'V/v đôn đốc cập nhật tài liệu kiểm chứng Chỉ số CCHC năm 2026',
      draft: false,
    },
    links: [],
  },
];

export const DEMO_SCREENSHOT = {
  file: 'anh-chup-cong-TTDT-cong-khai-TTHC.png',
  office: 'Trung tâm Phục vụ hành chính công',
  subject:
    'Ảnh chụp màn hình Cổng thông tin điện tử phường: chuyên mục Công khai thủ tục hành chính',
  note: 'Chụp ngày 12/03/2026',
  links: [
    { code: '3.2.2', slot: 'Ảnh chụp màn hình Cổng TTĐT' },
    { code: '7.1.1', slot: 'Ảnh chụp màn hình Cổng TTĐT' },
  ] as DemoLink[],
};

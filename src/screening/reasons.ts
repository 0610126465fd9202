import type { Localized, Reason, ReasonCode } from './types';

type Vars = { good?: Localized; term?: string; window?: Localized; hs?: string; exemption?: Localized; basis?: Localized };

/** Every explanation the service gives, in Vietnamese and English, in one place. */
const TEXTS: Record<ReasonCode, (v: Vars) => Localized> = {
  RESTRICTED_GOODS: (v) => ({
    vi: `Mặt hàng "${v.term}" thuộc nhóm ${v.good?.vi} đang tạm dừng chấp nhận, vận chuyển gửi ra nước ngoài (${v.window?.vi}; căn cứ: ${v.basis?.vi}).`,
    en: `"${v.term}" is ${v.good?.en}, which may not be accepted or carried abroad (${v.window?.en}; legal basis: ${v.basis?.en}).`,
  }),
  RESTRICTED_HS_CODE: (v) => ({
    vi: `Mã HS ${v.hs} là mã của ${v.good?.vi}, mặt hàng đang tạm dừng gửi ra nước ngoài (${v.window?.vi}; căn cứ: ${v.basis?.vi}).`,
    en: `HS code ${v.hs} is the code of ${v.good?.en}, which may not be sent abroad (${v.window?.en}; legal basis: ${v.basis?.en}).`,
  }),
  POSSIBLE_RESTRICTED_GOODS: (v) => ({
    vi: `"${v.term}" có thể là ${v.good?.vi}. Nhân viên cần kiểm tra hàng trước khi nhận.`,
    en: `"${v.term}" may be ${v.good?.en}. The clerk must inspect the item before accepting it.`,
  }),
  HS_CODE_NEEDS_CHECK: (v) => ({
    vi: `Mã HS ${v.hs} bao gồm cả ${v.good?.vi}. Nhân viên cần kiểm tra hàng.`,
    en: `HS code ${v.hs} also covers ${v.good?.en}. The clerk must inspect the item.`,
  }),
  HS_CODE_CONFLICT: (v) => ({
    vi: `Mã HS ${v.hs} là mã của ${v.good?.vi} nhưng nội dung khai báo là mặt hàng khác. Nhân viên cần kiểm tra.`,
    en: `HS code ${v.hs} is the code of ${v.good?.en}, but the description names another good. The clerk must check.`,
  }),
  VAGUE_DESCRIPTION: () => ({
    vi: 'Nội dung khai báo quá chung chung để kiểm tra. Đề nghị người gửi ghi rõ tên hàng hoặc mở kiểm tra.',
    en: 'The description is too vague to screen. Ask the sender to name the goods, or inspect the item.',
  }),
  UNREAD_SCRIPT: (v) => ({
    vi: `Nội dung khai báo có chữ viết hệ thống không đọc được (${v.term}). Nhân viên cần kiểm tra hàng, hoặc đề nghị người gửi khai bằng tiếng Việt, tiếng Anh hoặc tiếng Pháp.`,
    en: `Part of the description is in a script the screen does not read (${v.term}). Inspect the item, or ask the sender to declare it in Vietnamese, English or French.`,
  }),
  EXEMPTION_DOCUMENT_TO_CHECK: (v) => ({
    vi: `Người gửi xuất trình giấy tờ cho trường hợp miễn trừ: ${v.exemption?.vi}. Nhân viên cần kiểm tra giấy tờ trước khi nhận.`,
    en: `The sender claims an exemption: ${v.exemption?.en}. The clerk must check the document before accepting.`,
  }),
  RESTRICTION_NOT_IN_FORCE: (v) => ({
    vi: `"${v.term}" là ${v.good?.vi}, nhưng không có quy định hạn chế nào áp dụng cho ngày, tuyến và công đoạn này.`,
    en: `"${v.term}" is ${v.good?.en}, but no restriction applies on this date, route and postal event.`,
  }),
  LOOKALIKE_NOT_RESTRICTED: (v) => ({
    vi: `"${v.term}" là hàng dễ nhầm lẫn, không phải ${v.good?.vi}.`,
    en: `"${v.term}" is a look-alike, not ${v.good?.en}.`,
  }),
  NO_RESTRICTION_APPLIES: () => ({
    vi: 'Không phát hiện hàng hạn chế gửi. Được chấp nhận.',
    en: 'No restricted goods found. The item may be accepted.',
  }),
};

export function reason(code: ReasonCode, vars: Vars, ids: Omit<Reason, 'code' | 'message'> = {}): Reason {
  return { code, ...ids, message: TEXTS[code](vars) };
}

export const viDate = (d: string) => d.split('-').reverse().join('/');

/** An effective window in words; `to` is exclusive, so the last day in force is the day before. */
export function windowText(w: { from: string; to: string | null }): Localized {
  if (!w.to) return { vi: `áp dụng từ ngày ${viDate(w.from)}`, en: `in force from ${w.from} until further notice` };
  return {
    vi: `áp dụng từ ngày ${viDate(w.from)} đến trước ngày ${viDate(w.to)}`,
    en: `in force from ${w.from} until ${w.to} (exclusive)`,
  };
}

import type { CatalogSnapshot } from '../catalog/snapshot';
import type { Decision, Localized, Outcome } from '../screening/types';

const SUMMARY: Record<Outcome, Localized> = {
  ACCEPT: {
    vi: 'Bưu gửi được chấp nhận: không có mặt hàng bị tạm dừng gửi ra nước ngoài.',
    en: 'The item may be accepted: it holds no goods suspended from being sent abroad.',
  },
  REVIEW: {
    vi: 'Cần kiểm tra: nhân viên phải xem hàng hoặc giấy tờ trước khi nhận bưu gửi.',
    en: 'Check needed: the clerk must inspect the goods or documents before accepting.',
  },
  REJECT: {
    vi: 'Không chấp nhận: bưu gửi có mặt hàng đang tạm dừng gửi ra nước ngoài.',
    en: 'Refused: the item holds goods that may not be sent abroad at present.',
  },
};

/** The answer of POST /v1/screenings, as the OpenAPI document describes it. */
export function screeningResponse(screeningId: string, decision: Decision, snapshot: CatalogSnapshot, itemId?: string) {
  const names = (id: string) => {
    const e = snapshot.index.entries.get(id);
    return e ? { vi: e.names.vi, en: e.names.en } : { vi: id, en: id };
  };
  return {
    screeningId,
    ...(itemId ? { itemId } : {}),
    decision: decision.decision,
    date: decision.date,
    event: decision.event,
    timeZone: snapshot.settings.jurisdiction.timeZone,
    catalog: { version: snapshot.version },
    summary: SUMMARY[decision.decision],
    items: decision.items.map((item) => ({
      index: item.index,
      decision: item.decision,
      matches: item.matches.map((m) => ({ ...m, entryName: names(m.entryId) })),
      reasons: item.reasons,
      rules: item.rules,
    })),
  };
}

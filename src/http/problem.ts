/** One offending field of a request, as JSON Pointer and as a readable path. */
export type FieldError = { pointer: string; field: string; code: string; message: string };

/** Every problem type the service answers with, its status and its title (English, and Vietnamese for the counters), in one place. */
export const PROBLEMS = {
  'invalid-request': { status: 400, title: 'The request is not valid', vi: 'Yêu cầu không hợp lệ' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON', vi: 'Nội dung gửi lên không phải JSON hợp lệ' },
  unauthorized: { status: 401, title: 'A valid bearer token is required', vi: 'Cần mã truy cập (bearer token) hợp lệ' },
  'not-found': { status: 404, title: 'Not found', vi: 'Không tìm thấy' },
  'method-not-allowed': { status: 405, title: 'Method not allowed', vi: 'Phương thức này không được hỗ trợ tại địa chỉ này' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive', vi: 'Yêu cầu đến quá chậm' },
  'precondition-failed': { status: 412, title: 'The entry changed since it was read', vi: 'Mục đã bị sửa sau khi bạn mở' },
  'content-too-large': { status: 413, title: 'The request body is too large', vi: 'Nội dung yêu cầu quá lớn' },
  'unsupported-media-type': { status: 415, title: 'The body must be application/json', vi: 'Nội dung phải ở dạng application/json' },
  'expectation-failed': { status: 417, title: 'The Expect header asks for something this service does not do', vi: 'Dịch vụ không đáp ứng được yêu cầu trong tiêu đề Expect' },
  'invalid-catalog-entry': { status: 422, title: 'The catalog entry is not valid', vi: 'Nội dung mục không hợp lệ' },
  'catalog-examples-failed': { status: 422, title: "The entry's own examples do not pass", vi: 'Các ví dụ của mục không cho kết quả như đã ghi' },
  'precondition-required': { status: 428, title: 'If-Match (or If-None-Match: * to create) is required', vi: 'Cần tiêu đề If-Match (hoặc If-None-Match: * để tạo mới)' },
  'too-many-requests': { status: 429, title: 'Too many failed attempts; wait and try again', vi: 'Quá nhiều lần thử không thành công; hãy chờ rồi thử lại' },
  'header-fields-too-large': { status: 431, title: 'The request headers are too large', vi: 'Phần tiêu đề của yêu cầu quá lớn' },
  'catalog-broken': { status: 409, title: 'The catalog on disk has problems that must be fixed first', vi: 'Danh mục trên đĩa có lỗi cần sửa trước' },
  'catalog-read-only': { status: 409, title: 'The catalog folder is read-only here', vi: 'Thư mục danh mục ở đây chỉ cho phép đọc' },
  'unknown-catalog-version': { status: 404, title: 'No catalog with this version was published here', vi: 'Phiên bản danh mục này chưa từng được công bố tại đây' },
  'not-ready': { status: 503, title: 'No valid catalog is loaded; the service cannot screen', vi: 'Chưa nạp được danh mục hợp lệ; dịch vụ chưa thể kiểm tra' },
  internal: { status: 500, title: 'Internal error', vi: 'Lỗi nội bộ' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

/** A problem type's title in Vietnamese and English, as answers carry it in `titles`. */
export function titlesOf(type: ProblemType): { vi: string; en: string } {
  return { vi: PROBLEMS[type].vi, en: PROBLEMS[type].title };
}

/** An error that becomes an RFC 9457 problem+json answer in the one error handler. */
export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.status = PROBLEMS[type].status;
  }
}

/** `items.0.hsCode` → `/items/0/hsCode` and `items[0].hsCode`. */
export function fieldError(path: readonly PropertyKey[], code: string, message: string): FieldError {
  const parts = path.map(String);
  const pointer = '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const field = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  return { pointer: parts.length ? pointer : '', field: field || '(body)', code, message };
}

export function problemBody(p: HttpProblem, instance: string, requestId: string): Record<string, unknown> {
  return {
    type: `/problems/${p.type}`,
    title: PROBLEMS[p.type].title,
    titles: titlesOf(p.type),
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance,
    requestId,
    ...(p.errors.length ? { errors: p.errors } : {}),
    ...p.extra,
  };
}

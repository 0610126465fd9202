import fc from 'fast-check';

/** Any UTF-16 code unit sequence, lone surrogates included: what a JSON string can carry. */
export const anyCodeUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

/** Characters where normalizers break: marks, bidi and zero-width controls, look-alikes, compatibility forms. */
export const trickyChar = fc.oneof(
  anyCodeUnit,
  fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(
    '\u202e', '\u200f', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u034f', '\u115f', '\u3164', '\ufe0f',
    'ǅ', 'ß', 'İ', 'ı', 'ﬁ', 'Ⅷ', '①', '㎖', 'ｋ', 'к', 'һ', 'ο', 'Ꭺ', 'đ', 'Đ', 'ð', 'ẩ', 'ư', 'ơ',
    '.', '-', '_', '*', '·', '/', ',', ';', '@', '$', ' ', '\n', '\t', '0', '5', 'ml', 'va', 'and',
  ),
  fc.constantFrom('a', 'k', 'h', 'u', 't', 'r', 'n', 'g', 'y', 'm', 's', 'e'),
);

/** Descriptions: arbitrary Unicode, and words of the catalog torn apart by tricky characters. */
export const description = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  fc.string({ unit: trickyChar, maxLength: 120 }),
  fc
    .tuple(
      fc.constantFrom('khẩu trang y tế', 'găng tay nitrile', 'nước rửa tay khô', 'surgical mask', 'gel hydroalcoolique', 'n95', '500ml', 'k.h.ẩ.u t-r-a-n-g'),
      fc.string({ unit: trickyChar, maxLength: 4 }),
    )
    .map(([w, glue]) => [...w].join(glue)),
);

export const hsCode = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 20 }),
  fc.stringMatching(/^\d{4}(\.\d{2}){0,3}$/),
  fc.constantFrom('6307.90.40', '4015.11', '3808.94', '63079040', '0000', '9999.99.99.99'),
);

// Names of the kinds of legal document a rule cites, shared by the clerk and officer pages.
export const LEGAL_KINDS = {
  vi: {
    'kind.letter': 'Công văn',
    'kind.directive': 'Chỉ thị',
    'kind.decision': 'Quyết định',
    'kind.decree': 'Nghị định',
    'kind.circular': 'Thông tư',
    'kind.law': 'Luật',
    'kind.notice': 'Thông báo',
  },
  en: {
    'kind.letter': 'Letter',
    'kind.directive': 'Directive',
    'kind.decision': 'Decision',
    'kind.decree': 'Decree',
    'kind.circular': 'Circular',
    'kind.law': 'Law',
    'kind.notice': 'Notice',
  },
};

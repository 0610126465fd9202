/** Domain types of the screening core. The catalog layer builds these; the core only reads them. */

export type Lang = 'vi' | 'en' | 'fr';
export type Localized = { vi: string; en: string };
export type PostalEvent = 'acceptance' | 'dispatch';
export type Outcome = 'ACCEPT' | 'REVIEW' | 'REJECT';
export type CN23Category =
  | 'gift'
  | 'documents'
  | 'commercial_sample'
  | 'returned_goods'
  | 'sale_of_goods'
  | 'other';

/** A local date in the jurisdiction, `YYYY-MM-DD`. Compared as a string. */
export type LocalDate = string;

export type CountrySet = { countries?: readonly string[]; except?: readonly string[] };

export type LegalBasis = {
  kind: string;
  number: string;
  date: LocalDate;
  issuer: Localized;
  title: Localized;
  note?: Localized;
};

export type DocumentType = 'licence' | 'certificate' | 'invoice' | 'other';

export type Exemption = {
  id: string;
  description: Localized;
  requires: { documentType: DocumentType; issuerIncludes?: string };
  verified: boolean;
  effective?: { from: LocalDate; to: LocalDate | null };
};

export type Rule = {
  id: string;
  action: 'reject' | 'review';
  scope: { origin?: CountrySet; destination?: CountrySet; events: readonly PostalEvent[] };
  effective: { from: LocalDate; to: LocalDate | null };
  legalBasis: readonly LegalBasis[];
  exemptions: readonly Exemption[];
  note?: Localized;
};

export type HsStrength = 'decisive' | 'indicative';
export type HsCode = { code: string; strength: HsStrength; note?: string };

export type TermKind = 'term' | 'brand' | 'head' | 'qualifier' | 'lookalike';
/** The languages of a word list: the catalog's own, and `other` for words of other languages senders write in. */
export type ListLang = Lang | 'other';
export type TermLists = Partial<Record<ListLang, readonly string[]>>;

export type RestrictedEntry = {
  id: string;
  names: Record<Lang, string>;
  description?: Localized;
  match: {
    /** Phrases that name the good on their own. */
    terms: TermLists;
    /** Brand and model names that name the good on their own. */
    brands: readonly string[];
    /** Generic words: alone a REVIEW, with a qualifier a REJECT, with a look-alike word an ACCEPT. */
    heads: TermLists;
    qualifiers: TermLists;
    /** Look-alike goods that are not restricted; they beat heads and the terms they overlap. */
    lookalikes: TermLists;
    /**
     * Look-alikes that may still be the restricted good (cloth masks, antibacterial soap, mouthwash):
     * they beat heads and terms as look-alikes do, and the clerk looks.
     */
    lookalikesToCheck?: TermLists;
    /**
     * Look-alikes that are not restricted, unless declared under one of the entry's own HS codes
     * (a neck gaiter under 6307.90): then the code and the description disagree, and the clerk looks.
     */
    lookalikesUnderCode?: TermLists;
  };
  hsCodes: readonly HsCode[];
  rules: readonly Rule[];
};

export type Scoring = {
  thresholds: { reject: number; review: number };
  weights: {
    term: number;
    brand: number;
    qualifiedHead: number;
    head: number;
    hsDecisive: number;
    hsIndicative: number;
    /** Multiplied into a score when a word was matched through a typo or obfuscation. */
    fuzzyPenalty: number;
  };
};

export type CatalogSettings = {
  jurisdiction: { country: string; timeZone: string; name: Localized };
  scoring: Scoring;
  /**
   * `titles`: labels of a publication (book, sách, livre). The list element a label begins, or the
   * words after "Book:" when a title follows, are a title: restricted words in it name a subject, so
   * they ask for a look at most. `undisclosed`: phrases saying the contents are not described
   * (mystery box, hộp bí mật): unless they head the goods after a colon, or a restricted good is
   * named, the clerk must look. `negations`: words that deny what follows ("không phải y tế", "not
   * medical"): a denied qualifier is not read, and a good named after one asks for a look at most.
   * `kinds`: general words for a kind of goods (quần áo, clothes, vêtements), general wording alone
   * that a word of `describers` beside them (whom the goods are for: trẻ em, bé, kids, enfants)
   * makes a description: "Quần áo trẻ em" names its goods, "Quần áo" and "Quần áo cũ" do not.
   * `forSomeone`: general wording that what it is for never narrows to a kind of goods, read as
   * general wording too: "Gift for the curator", "Consumables for tattoo studio", "Đồ dùng cho tài
   * xế" name nothing the parcel holds; "Accessoires pour Canon" (not in the list) names its goods.
   */
  vague: {
    terms: TermLists;
    fillers: TermLists;
    titles?: TermLists;
    undisclosed?: TermLists;
    negations?: TermLists;
    kinds?: TermLists;
    describers?: TermLists;
    forSomeone?: TermLists;
  };
  /**
   * Things made for a good, not the good (holder, dispenser, prop, hộp đựng, distributeur): right
   * after a good's name, or before it with a linking word (for, đựng, de, pour), they take its place.
   */
  accessories?: TermLists;
  /** Clerks' abbreviations, each with the phrase it stands for: { gt: găng tay }. */
  abbreviations?: Readonly<Record<string, string>>;
};

export type Declaration = {
  date: LocalDate;
  event: PostalEvent;
  category?: CN23Category;
  origin: string;
  destination: string;
  documents: readonly { type: DocumentType; number: string; issuer?: string }[];
  items: readonly { description: string; hsCode?: string }[];
};

export type Evidence = 'description' | 'hsCode' | 'description+hsCode';

export type Match = {
  entryId: string;
  ruleId: string | null;
  score: number;
  matchedText: string;
  evidence: Evidence;
  kind: TermKind | 'hs';
  term: string;
  normalizedText: string;
  fuzzy: boolean;
};

export type ReasonCode =
  | 'RESTRICTED_GOODS'
  | 'RESTRICTED_HS_CODE'
  | 'POSSIBLE_RESTRICTED_GOODS'
  | 'HS_CODE_NEEDS_CHECK'
  | 'HS_CODE_CONFLICT'
  | 'VAGUE_DESCRIPTION'
  | 'UNREAD_SCRIPT'
  | 'EXEMPTION_DOCUMENT_TO_CHECK'
  | 'RESTRICTION_NOT_IN_FORCE'
  | 'LOOKALIKE_NOT_RESTRICTED'
  | 'NO_RESTRICTION_APPLIES';

export type AppliedRule = {
  entryId: string;
  ruleId: string;
  action: Rule['action'];
  effective: Rule['effective'];
  legalBasis: readonly LegalBasis[];
};

export type Reason = {
  code: ReasonCode;
  entryId?: string;
  ruleId?: string;
  exemptionId?: string;
  message: Localized;
};

export type ItemDecision = {
  index: number;
  decision: Outcome;
  matches: Match[];
  reasons: Reason[];
  rules: AppliedRule[];
};

export type Decision = {
  decision: Outcome;
  date: LocalDate;
  event: PostalEvent;
  items: ItemDecision[];
};

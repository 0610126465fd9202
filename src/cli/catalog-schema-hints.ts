/**
 * What an editor shows when the officer hovers a field of a catalog file, keyed by field path
 * (array levels skipped, `*` for any key). Kept beside the generator, not in the zod schema, so the
 * loader's messages stay short.
 */
export const ENTRY_HINTS: Record<string, string> = {
  id: 'Lower-case id, the same as the file name (medical-masks.yaml holds medical-masks). Decisions and the audit refer to it: never reuse one.',
  names: 'The name of the good in Vietnamese, English and French, as clerks and senders read it.',
  description: 'What the entry covers, in Vietnamese and English.',
  'match.terms': 'Phrases that name the good on their own (khẩu trang y tế, surgical mask): a REJECT while a rule is in force.',
  'match.brands': 'Brands and models that name the good on their own (3M 1860, Betadine).',
  'match.heads': 'Generic words (găng tay, mask): alone a REVIEW, with a qualifier a REJECT, with a look-alike an ACCEPT.',
  'match.qualifiers': 'Words that make a head word the restricted good (y tế, surgical, nitrile).',
  'match.lookalikes': 'Goods that look alike but are not restricted (mặt nạ dưỡng da, boxing gloves); they win over heads.',
  'match.lookalikesToCheck': 'Goods that look alike but may still be the restricted one (khẩu trang vải, cloth mask, mouthwash): they win over heads and terms as look-alikes do, and the clerk looks (REVIEW).',
  'match.lookalikesUnderCode': 'Goods that look alike and pass (neck gaiter, khăn ống che mặt), unless declared under one of this entry’s HS codes: then the code and the description disagree, and the clerk looks (REVIEW).',
  hsCodes: 'HS codes of the good. A declared code as specific as, or more specific than, one of these matches it.',
  'hsCodes.strength': 'decisive: the code alone names the good (REJECT with a vague description); indicative: it covers other goods too (REVIEW).',
  rules: 'When the good is restricted. A rule applies when its window holds the local date of the postal event and its scope covers the route and the event.',
  'rules.id': 'Stable id of the rule, e.g. vn-outbound-suspension-2020; decisions name it.',
  'rules.action': 'reject: the counter refuses the item; review: the clerk must look before accepting.',
  'rules.scope.origin': 'countries: only these origins; except: every origin but these. Leave out for any origin.',
  'rules.scope.destination': 'countries: only these destinations; except: every destination but these (except: [VN] means abroad).',
  'rules.scope.events': 'acceptance: at the counter; dispatch: when the item is carried.',
  'rules.effective.from': 'First local date the rule applies (inclusive), in the jurisdiction’s time zone.',
  'rules.effective.to': 'First local date the rule no longer applies (exclusive). null: until further notice.',
  'rules.legalBasis': 'The documents that impose the rule: kind (letter, directive, decision…), number, date, issuer and title.',
  'rules.exemptions': 'Cases that turn a REJECT into a REVIEW when the declaration carries the named document; the clerk checks it.',
  'rules.exemptions.verified': 'false until the exemption is confirmed in a published document.',
  examples: 'Descriptions the catalog tests run (npm run catalog -- test): reject ones must be refused, review ones sent to a clerk, accept ones accepted.',
};

export const SETTINGS_HINTS: Record<string, string> = {
  'jurisdiction.country': 'The country whose rules this catalog carries.',
  'jurisdiction.timeZone': 'IANA time zone in which rule windows are read (Asia/Ho_Chi_Minh).',
  'scoring.thresholds.reject': 'A match scoring at or above this refuses the item.',
  'scoring.thresholds.review': 'A match scoring at or above this, and below `reject`, sends the item to a clerk.',
  'scoring.weights.term': 'Score of a phrase that names the good.',
  'scoring.weights.brand': 'Score of a brand or model that names the good.',
  'scoring.weights.qualifiedHead': 'Score of a generic word with a qualifier (găng tay + nitrile).',
  'scoring.weights.head': 'Score of a generic word alone (găng tay, mask).',
  'scoring.weights.hsDecisive': 'Score of an HS code specific to the good, with a vague description.',
  'scoring.weights.hsIndicative': 'Score of a broad HS code that covers the good among others.',
  'scoring.weights.fuzzyPenalty': 'Multiplied in when a word was read through a typo or an obfuscation.',
  'vague.terms': 'Descriptions made only of these words (and fillers) are too vague to screen: REVIEW while any rule is in force.',
  'vague.fillers': 'Words that say nothing about the good: quantities, units, people, packaging.',
  'vague.undisclosed': 'Phrases saying the contents are not described (mystery box, hộp bí mật): REVIEW unless a restricted good is named or the phrase heads the goods after a colon.',
  'vague.negations': 'Words that deny what follows (không phải, not, non): a denied qualifier ("not medical") is not read, and a good named after one asks for a look instead of a refusal.',
  'vague.kinds': 'General words for a kind of goods (quần áo, clothes, vêtements): alone they are vague wording, but a describing word beside them ("Quần áo trẻ em", "kids clothes") makes the line a description.',
  'vague.describers': 'Words saying whom goods are for (trẻ em, bé, kids, enfants): beside a kind of goods they describe it; elsewhere they are fillers. What state goods are in (cũ, used) describes no kind: "Quần áo cũ" is still clothes.',
  'vague.titles': 'Labels of a publication (book, sách, livre): restricted words in the list element a label begins, or after "Book:", name a subject and ask for a look at most.',
  accessories: 'Things made for a good, not the good (holder, dispenser, prop; hộp đựng, dây đeo; porte, distributeur): named right after the good, or before it with a linking word (for, de, pour; in Vietnamese and French with none), they take its place on the line. Not containers the good is sold in (box, case, bottle).',
  abbreviations: 'Clerks’ abbreviations and the phrase each stands for (gt: găng tay); one ending with a full stop (gl.: gloves) counts only written with it.',
};

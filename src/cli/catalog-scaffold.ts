/**
 * The file `catalog new` writes. Every `""` and `YYYY-MM-DD` is a placeholder the loader refuses,
 * so an unfinished entry can never screen anything: validate lists what is left, with its line.
 */
export function entryScaffold(id: string): string {
  return `# yaml-language-server: $schema=../schema/entry.schema.json
# New catalog entry "${id}". Fill every "" and every YYYY-MM-DD, then run
#   npm run catalog -- validate    lists what is still missing, by line and field
#   npm run catalog -- test        reads the examples at the bottom the way the counter will
# Matching: \`terms\` and \`brands\` name the good on their own (REJECT); a \`heads\` word alone asks the
# clerk to look (REVIEW), with a \`qualifiers\` word it is a REJECT, and with a \`lookalikes\` word
# it is an ACCEPT; a \`lookalikesToCheck\` phrase asks the clerk to look. Write words as senders write them: with and without diacritics, abbreviations.
id: ${id}
names:
  vi: ""          # e.g. Nhiệt kế y tế
  en: ""          # e.g. Medical thermometers
  fr: ""          # e.g. Thermomètres médicaux
description:      # optional: delete both lines if not needed
  vi: ""
  en: ""

match:
  # Phrases that name the good on their own, e.g. vi: [nhiệt kế y tế, nhiệt kế điện tử]
  terms:
    vi: []
    en: []
    fr: []
  # Brands and models that name the good on their own, e.g. [omron mc-246]
  brands: []
  # Generic words that may or may not be the good, e.g. vi: [nhiệt kế], en: [thermometer]
  heads:
    vi: []
    en: []
    fr: []
  # Words that make a head word the good, e.g. vi: [y tế, điện tử], en: [medical, digital]
  qualifiers:
    vi: []
    en: []
    fr: []
  # Goods that look alike but are not restricted, e.g. en: [room thermometer, meat thermometer]
  lookalikes:
    vi: []
    en: []
    fr: []
  # Goods that look alike but may still be the good: the clerk looks, e.g. en: [forehead strip]
  lookalikesToCheck:
    vi: []
    en: []
    fr: []
  # Goods that look alike and pass, unless declared under one of the hsCodes below: the clerk looks
  lookalikesUnderCode:
    vi: []
    en: []
    fr: []

# HS codes. decisive: the code alone names the good; indicative: it covers other goods too. e.g.
#   - code: "9025.19"
#     strength: indicative
#     note: Thermometers, not combined with other instruments.
hsCodes: []

rules:
  - id: ""                              # e.g. vn-outbound-suspension-2021: the measure and its year
    action: reject                      # reject: the counter refuses; review: the clerk must look
    scope:
      origin: { countries: [VN] }       # delete the line for any origin
      destination: { except: [VN] }     # except: [VN] means every country abroad
      events: [acceptance, dispatch]    # acceptance: at the counter; dispatch: when carried
    # from: first day it applies; to: first day it no longer applies (exclusive), null until further notice
    effective: { from: "YYYY-MM-DD", to: null }
    legalBasis:
      - kind: letter                    # letter, directive, decision, circular...
        number: ""                      # e.g. 05/CT-BTTTT
        date: "YYYY-MM-DD"              # the day it was signed
        issuer:
          vi: ""                        # e.g. Bộ Thông tin và Truyền thông
          en: ""                        # e.g. Ministry of Information and Communications
        title:
          vi: ""
          en: ""
    # A document that turns a REJECT into a REVIEW for the clerk to check, e.g.
    #   - id: red-cross-humanitarian
    #     description: { vi: Hàng viện trợ qua Hội Chữ thập đỏ, en: Aid sent through the Red Cross }
    #     requires: { documentType: licence, issuerIncludes: Chữ thập đỏ }
    #     verified: false
    exemptions: []

# What the catalog test reads: at least one description to reject and one to accept, e.g.
#   reject: [Nhiệt kế y tế điện tử 2 cái, Digital medical thermometer]
#   accept: [Nhiệt kế phòng treo tường]
examples:
  reject: []
  review: []
  accept: []
`;
}

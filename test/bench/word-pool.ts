/** Words the generated catalogs are built from: the same good in English, Vietnamese and French. */
export type Triple = readonly [en: string, vi: string, fr: string];

/** Goods a restricted-articles list for many countries names. */
export const GOODS: readonly Triple[] = [
  ['battery', 'pin', 'batterie'], ['lighter', 'bật lửa', 'briquet'], ['perfume', 'nước hoa', 'parfum'],
  ['knife', 'dao', 'couteau'], ['spray', 'bình xịt', 'vaporisateur'], ['powder', 'bột', 'poudre'],
  ['oil', 'dầu', 'huile'], ['seed', 'hạt giống', 'graine'], ['plant', 'cây', 'plante'],
  ['meat', 'thịt', 'viande'], ['fish', 'cá', 'poisson'], ['milk', 'sữa', 'lait'],
  ['cheese', 'phô mai', 'fromage'], ['honey', 'mật ong', 'miel'], ['tea', 'trà', 'thé'],
  ['coffee', 'cà phê', 'café'], ['rice', 'gạo', 'riz'], ['wine', 'rượu vang', 'vin'],
  ['liquor', 'rượu mạnh', 'liqueur'], ['cigarette', 'thuốc lá', 'cigarette'], ['cigar', 'xì gà', 'cigare'],
  ['tobacco', 'thuốc lào', 'tabac'], ['paint', 'sơn', 'peinture'], ['glue', 'keo dán', 'colle'],
  ['ink', 'mực in', 'encre'], ['magnet', 'nam châm', 'aimant'], ['mercury', 'thủy ngân', 'mercure'],
  ['thermometer', 'nhiệt kế', 'thermomètre'], ['fireworks', 'pháo hoa', "feux d'artifice"], ['firecracker', 'pháo nổ', 'pétard'],
  ['pistol', 'súng ngắn', 'pistolet'], ['rifle', 'súng trường', 'fusil'], ['ammunition', 'đạn dược', 'munitions'],
  ['sword', 'kiếm', 'épée'], ['crossbow', 'nỏ', 'arbalète'], ['drone', 'máy bay không người lái', 'drone'],
  ['walkie talkie', 'bộ đàm', 'talkie-walkie'], ['transmitter', 'máy phát sóng', 'émetteur'], ['charger', 'bộ sạc', 'chargeur'],
  ['scooter', 'xe điện', 'trottinette'], ['fertilizer', 'phân bón', 'engrais'], ['pesticide', 'thuốc trừ sâu', 'pesticide'],
  ['herbicide', 'thuốc diệt cỏ', 'désherbant'], ['bleach', 'thuốc tẩy', 'javel'], ['acid', 'axit', 'acide'],
  ['solvent', 'dung môi', 'solvant'], ['fuel', 'nhiên liệu', 'carburant'], ['gas cylinder', 'bình gas', 'bouteille de gaz'],
  ['ivory', 'ngà voi', 'ivoire'], ['rhino horn', 'sừng tê giác', 'corne de rhinocéros'], ['fur', 'lông thú', 'fourrure'],
  ['seashell', 'vỏ sò', 'coquillage'], ['coral', 'san hô', 'corail'], ['feather', 'lông vũ', 'plume'],
  ['bone', 'xương', 'os'], ['hide', 'da sống', 'peau brute'], ['antique', 'đồ cổ', 'antiquité'],
  ['coin', 'tiền xu', 'pièce de monnaie'], ['banknote', 'tiền giấy', 'billet de banque'], ['postage stamp', 'tem thư', 'timbre'],
  ['credit card', 'thẻ tín dụng', 'carte bancaire'], ['passport', 'hộ chiếu', 'passeport'], ['vaccine', 'vắc xin', 'vaccin'],
  ['serum', 'huyết thanh', 'sérum'], ['blood sample', 'mẫu máu', 'échantillon de sang'], ['tablet', 'viên nén', 'comprimé'],
  ['capsule', 'viên nang', 'gélule'], ['syrup', 'siro', 'sirop'], ['ointment', 'thuốc mỡ', 'pommade'],
  ['steroid', 'steroid', 'stéroïde'], ['hormone', 'nội tiết tố', 'hormone'], ['supplement', 'thực phẩm chức năng', 'complément alimentaire'],
  ['cannabis', 'cần sa', 'cannabis'], ['poppy seed', 'hạt anh túc', 'graine de pavot'], ['mushroom', 'nấm', 'champignon'],
  ['kratom', 'lá kratom', 'kratom'], ['pepper', 'hạt tiêu', 'poivre'], ['chili', 'ớt', 'piment'],
  ['salt', 'muối', 'sel'], ['sugar', 'đường', 'sucre'], ['candy', 'kẹo', 'bonbon'],
  ['chocolate', 'sô cô la', 'chocolat'], ['egg', 'trứng', 'œuf'], ['sausage', 'xúc xích', 'saucisse'],
  ['ham', 'giăm bông', 'jambon'], ['soil', 'đất trồng', 'terreau'], ['sand', 'cát', 'sable'],
  ['stone', 'đá', 'pierre'], ['crystal', 'pha lê', 'cristal'], ['jewelry', 'trang sức', 'bijoux'],
  ['watch', 'đồng hồ', 'montre'], ['phone', 'điện thoại', 'téléphone'], ['laptop', 'máy tính xách tay', 'ordinateur portable'],
  ['camera', 'máy ảnh', 'appareil photo'], ['lens', 'ống kính', 'objectif'], ['speaker', 'loa', 'enceinte'],
  ['cable', 'dây cáp', 'câble'], ['microchip', 'vi mạch', 'puce'], ['sensor', 'cảm biến', 'capteur'],
  ['motor', 'động cơ', 'moteur'], ['engine', 'máy nổ', 'moteur thermique'], ['tyre', 'lốp xe', 'pneu'],
  ['helmet', 'mũ bảo hiểm', 'casque'], ['body armour', 'áo giáp', 'gilet pare-balles'], ['uniform', 'quân phục', 'uniforme'],
  ['badge', 'huy hiệu', 'insigne'], ['flag', 'cờ', 'drapeau'], ['book', 'sách', 'livre'],
  ['map', 'bản đồ', 'carte routière'], ['film', 'phim', 'pellicule'], ['disc', 'đĩa', 'disque'],
];

/** Words that narrow a good down: what a rule is really about. */
export const QUALIFIERS: readonly Triple[] = [
  ['lithium', 'lithium', 'lithium'], ['alkaline', 'kiềm', 'alcaline'], ['rechargeable', 'sạc lại', 'rechargeable'],
  ['electric', 'chạy điện', 'électrique'], ['electronic', 'điện tử', 'électronique'], ['butane', 'butan', 'butane'],
  ['compressed', 'nén', 'comprimé'], ['liquid', 'dạng lỏng', 'liquide'], ['dried', 'sấy khô', 'séché'],
  ['fresh', 'tươi', 'frais'], ['frozen', 'đông lạnh', 'congelé'], ['smoked', 'hun khói', 'fumé'],
  ['raw', 'chưa chế biến', 'cru'], ['organic', 'hữu cơ', 'biologique'], ['herbal', 'thảo dược', 'aux plantes'],
  ['chemical', 'hóa học', 'chimique'], ['toxic', 'độc hại', 'toxique'], ['flammable', 'dễ cháy', 'inflammable'],
  ['explosive', 'gây nổ', 'explosif'], ['corrosive', 'ăn mòn', 'corrosif'], ['radioactive', 'phóng xạ', 'radioactif'],
  ['magnetic', 'từ tính', 'magnétique'], ['military', 'quân sự', 'militaire'], ['police', 'cảnh sát', 'policier'],
  ['hunting', 'săn bắn', 'de chasse'], ['folding', 'gấp gọn', 'pliant'], ['automatic', 'tự động', 'automatique'],
  ['industrial', 'công nghiệp', 'industriel'], ['agricultural', 'nông nghiệp', 'agricole'], ['veterinary', 'thú y', 'vétérinaire'],
  ['prescription', 'kê đơn', 'sur ordonnance'], ['counterfeit', 'hàng giả', 'contrefait'], ['pirated', 'lậu', 'piraté'],
  ['wild', 'hoang dã', 'sauvage'], ['endangered', 'quý hiếm', 'menacé'], ['ancient', 'cổ đại', 'ancien'],
  ['imported', 'ngoại nhập', 'importé'], ['homemade', 'tự làm', 'fait maison'], ['concentrated', 'đậm đặc', 'concentré'],
  ['pure', 'nguyên chất', 'pur'], ['synthetic', 'nhân tạo', 'synthétique'], ['natural', 'tự nhiên', 'naturel'],
  ['wireless', 'không dây', 'sans fil'], ['portable', 'cầm tay', 'portatif'], ['heavy duty', 'hạng nặng', 'robuste'],
  ['pressurized', 'áp suất cao', 'pressurisé'], ['aerosol', 'phun sương', 'en aérosol'], ['powdered', 'dạng bột', 'en poudre'],
  ['laboratory', 'phòng thí nghiệm', 'de laboratoire'], ['diagnostic', 'chẩn đoán', 'de diagnostic'], ['tactical', 'chiến thuật', 'tactique'],
  ['replica', 'mô phỏng', 'réplique'], ['signal', 'tín hiệu', 'de signalisation'], ['satellite', 'vệ tinh', 'satellite'],
  ['encrypted', 'mã hóa', 'chiffré'], ['nuclear', 'hạt nhân', 'nucléaire'], ['carbon', 'các bon', 'carbone'],
  ['marine', 'biển sâu', 'marin'], ['tropical', 'nhiệt đới', 'tropical'], ['exotic', 'ngoại lai', 'exotique'],
  ['living', 'còn sống', 'vivant'], ['salted', 'ướp muối', 'salé'], ['fermented', 'lên men', 'fermenté'],
  ['alcoholic', 'có cồn', 'alcoolisé'], ['caffeinated', 'có caffeine', 'caféiné'], ['sparkling', 'có ga', 'pétillant'],
  ['bulk', 'hàng rời', 'en vrac'], ['secondhand', 'đã qua sử dụng', "d'occasion"], ['refurbished', 'tân trang', 'reconditionné'],
  ['spare', 'dự phòng', 'de rechange'], ['gold', 'bằng vàng', 'en or'], ['silver', 'bằng bạc', 'en argent'],
  ['plastic', 'bằng nhựa', 'en plastique'], ['steel', 'bằng thép', 'en acier'], ['wooden', 'bằng gỗ', 'en bois'],
  ['leather', 'da thuộc', 'en cuir'], ['glass', 'thủy tinh', 'en verre'],
];

/** Forms a good comes in: a third word that tells entries of the same good apart. */
export const FORMS: readonly Triple[] = [
  ['refill', 'lõi thay', 'recharge'], ['cartridge', 'hộp mực', 'cartouche'], ['kit', 'bộ dụng cụ', 'kit'],
  ['extract', 'chiết xuất', 'extrait'], ['tincture', 'cồn thuốc', 'teinture'], ['paste', 'bột nhão', 'pâte'],
  ['block', 'khối', 'bloc'], ['sheet', 'tấm', 'feuille'], ['roll', 'cuộn', 'rouleau'],
  ['bar', 'thanh', 'barre'], ['tube', 'tuýp', 'tube'], ['stick', 'que', 'bâton'],
  ['pellet', 'viên nhỏ', 'granulé'], ['flake', 'vảy', 'flocon'], ['module', 'mô đun', 'module'],
];

/** What a good is mistaken for: a look-alike word next to the good's own word. */
export const LOOKALIKES: readonly Triple[] = [
  ['toy', 'đồ chơi', 'jouet'], ['sticker', 'hình dán', 'autocollant'], ['keychain', 'móc khóa', 'porte-clés'],
  ['poster', 'tranh in', 'affiche'], ['costume', 'hóa trang', 'déguisement'], ['cake', 'bánh kem', 'gâteau'],
  ['pillow', 'gối ôm', 'coussin'], ['magnet', 'nam châm tủ lạnh', 'magnet'], ['print', 'in hình', 'imprimé'],
];

/** Syllables that make up-brand names and model series read like real ones. */
export const BRAND_SYLLABLES = [
  'ka', 'zen', 'tor', 'vex', 'lu', 'mi', 'dra', 'kon', 'sa', 'vi', 'pro', 'tek', 'nor', 'ax', 'ri', 'on', 'sol',
  'mar', 'qui', 'bel', 'fa', 'go', 'ha', 'jin', 'la', 'mo', 'nu', 'pa', 'rex', 'ty', 'ul', 'vo', 'wa', 'xo', 'yu',
];

/**
 * One company, however it is typed: «临江 新能源（集团）有限公司», «临江新能源(集团)有限公司» and
 * «临江新能源集团有限责任公司 » are the same project for 首报 (first report) when no credit code is given.
 * The key is for matching only; the name shown stays as entered.
 */
const LEGAL_FORM_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '公司'] as const;

export const companyMatchKey = (name: string): string => {
  let key = name
    .normalize('NFKC')
    .toLowerCase()
    // Brackets, spaces and punctuation carry no identity: (集团) and 集团 are one company.
    .replace(/[\s()（）[\]【】{}<>《》"'“”‘’·.,，、。:：;；\-_/\\|]/g, '');
  for (const suffix of LEGAL_FORM_SUFFIXES) {
    if (key.endsWith(suffix)) {
      // The longest legal form that matches decides; a name that is nothing but one keeps it.
      if (key.length > suffix.length) key = key.slice(0, -suffix.length);
      break;
    }
  }
  return key;
};

// Realistic Chinese people for the demo home: names by generation, resident ID numbers with a valid
// GB 11643 check character, mainland mobile numbers. Everything comes from the seeded Random.
import { currentRandom } from './random.mjs';

// The most common surnames, weighted roughly by their share of the population.
const SURNAMES = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 23],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 15],
  ['马', 14],
  ['朱', 13],
  ['胡', 12],
  ['郭', 11],
  ['何', 11],
  ['高', 10],
  ['林', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 9],
  ['谢', 7],
  ['宋', 7],
  ['唐', 7],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 5],
  ['彭', 5],
  ['曾', 5],
  ['萧', 4],
  ['田', 4],
  ['董', 4],
  ['潘', 4],
  ['袁', 4],
  ['蔡', 4],
  ['蒋', 4],
  ['余', 3],
  ['于', 3],
  ['杜', 3],
  ['叶', 3],
  ['程', 3],
  ['魏', 3],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['卢', 3],
  ['姚', 3],
  ['沈', 3],
  ['钟', 2],
  ['姜', 2],
  ['崔', 2],
  ['谭', 2],
  ['陆', 2],
  ['范', 2],
  ['汪', 2],
  ['廖', 2],
  ['石', 2],
  ['金', 2],
  ['贾', 2],
  ['夏', 2],
];

// Given names common among people born 1930–1955.
const ELDER_FEMALE = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '桂兰',
  '秀珍',
  '凤英',
  '玉珍',
  '玉英',
  '兰英',
  '玉梅',
  '淑珍',
  '凤兰',
  '素珍',
  '秀云',
  '桂珍',
  '桂芳',
  '淑英',
  '秀芳',
  '翠兰',
  '玉芳',
  '美兰',
  '淑兰',
  '桂香',
  '秀梅',
  '素英',
  '凤珍',
  '玉华',
  '金凤',
  '月英',
  '德珍',
  '丽华',
  '慧珍',
  '宝珍',
  '秀荣',
  '翠英',
];
const ELDER_MALE = [
  '建国',
  '国华',
  '志强',
  '德福',
  '振华',
  '德明',
  '国庆',
  '建华',
  '永明',
  '文华',
  '福生',
  '长林',
  '宝山',
  '树林',
  '玉山',
  '德山',
  '国强',
  '志刚',
  '金生',
  '明德',
  '春生',
  '永福',
  '德胜',
  '海清',
  '广才',
  '世杰',
  '俊峰',
  '文斌',
  '立新',
  '荣华',
  '兆祥',
  '长海',
  '振国',
  '根生',
  '守仁',
  '玉林',
];
// Given names for staff and the residents' children (born 1960–2000).
const YOUNGER_FEMALE = [
  '丽',
  '静',
  '敏',
  '燕',
  '艳',
  '娟',
  '霞',
  '芳',
  '婷',
  '雪',
  '丽娟',
  '晓燕',
  '海燕',
  '红梅',
  '春梅',
  '晓红',
  '丽华',
  '雅琴',
  '慧敏',
  '佳怡',
  '思琪',
  '欣怡',
  '晓静',
  '雪梅',
  '玉洁',
  '倩',
];
const YOUNGER_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '建军',
  '志伟',
  '海涛',
  '晓东',
  '国栋',
  '文博',
  '浩然',
  '子轩',
  '宇航',
  '俊杰',
  '立军',
];

// Region codes (the first six digits) of districts around Beijing, and a few of where families come from.
const REGION_CODES = [
  '110105',
  '110105',
  '110105',
  '110101',
  '110102',
  '110106',
  '110108',
  '110114',
  '110115',
  '130102',
  '130602',
  '120101',
  '370102',
  '140105',
  '210102',
  '410105',
  '320102',
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17.charAt(i)) * ID_WEIGHTS[i];
  }
  return ID_CHECK_CHARS.charAt(sum % 11);
}

export class People {
  /** @param {import('./random.mjs').Random} random the stream used outside actions */
  constructor(random) {
    this.fallback = random;
    this.usedIds = new Set();
    this.usedPhones = new Set();
  }

  /** The running action's stream (see currentRandom), else the main one. */
  get random() {
    return currentRandom(this.fallback);
  }

  surname() {
    return this.random.weighted(SURNAMES);
  }

  elderName(gender) {
    return this.surname() + this.random.pick(gender === 'female' ? ELDER_FEMALE : ELDER_MALE);
  }

  youngerName(gender) {
    return this.surname() + this.random.pick(gender === 'female' ? YOUNGER_FEMALE : YOUNGER_MALE);
  }

  /** A birth date for someone aged between minAge and maxAge on `today` (YYYY-MM-DD). */
  birthDate(today, minAge, maxAge) {
    const year = Number(today.slice(0, 4)) - this.random.int(minAge, maxAge);
    const month = this.random.int(1, 12);
    const day = this.random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** An 18-character resident ID number: region, birth date, sequence (odd for men), check character. */
  idNumber(birthDate, gender) {
    for (;;) {
      const sequence = this.random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${this.random.pick(REGION_CODES)}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const id = first17 + idCheckChar(first17);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  mobile() {
    const prefixes = [
      '135',
      '136',
      '137',
      '138',
      '139',
      '150',
      '151',
      '152',
      '158',
      '159',
      '186',
      '188',
      '189',
    ];
    for (;;) {
      const phone = this.random.pick(prefixes) + String(this.random.int(0, 99_999_999)).padStart(8, '0');
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }
}

// Form data for residents: the archive and the three periodic assessments. A resident carries a
// "frailty" between 0 (independent) and 1 (fully dependent) that slowly grows; Barthel, Morse and
// Braden answers, the care level and who is likely to die are all drawn from it, so the scales agree.
import { clamp } from './random.mjs';

export const CARE_LEVELS = [
  { key: 'self-care', label: '自理' },
  { key: 'level-1', label: '一级护理' },
  { key: 'level-2', label: '二级护理' },
  { key: 'level-3', label: '三级护理' },
  { key: 'special', label: '特级护理' },
];

export function careLevelOf(frailty) {
  return CARE_LEVELS[clamp(Math.floor(frailty * 5), 0, 4)];
}

/** A new resident's frailty: most need some help, a few are independent, a few fully dependent. */
export function initialFrailty(random) {
  return clamp(random.normal(0.45, 0.2), 0.02, 0.98);
}

const DIAGNOSES = [
  ['原发性高血压', 'I10', 45],
  ['2型糖尿病', 'E11.9', 25],
  ['冠状动脉粥样硬化性心脏病', 'I25.1', 20],
  ['脑梗死后遗症', 'I69.3', 18],
  ['慢性阻塞性肺疾病', 'J44.9', 10],
  ['阿尔茨海默病性痴呆', 'F00.1', 12],
  ['血管性痴呆', 'F01.9', 6],
  ['帕金森病', 'G20', 6],
  ['骨质疏松', 'M81.9', 20],
  ['膝关节骨性关节炎', 'M17.9', 15],
  ['慢性心力衰竭', 'I50.9', 8],
  ['慢性肾脏病3期', 'N18.3', 6],
  ['白内障', 'H26.9', 10],
];
const MEDICATIONS = {
  I10: ['苯磺酸氨氯地平片', '5mg', 'qd'],
  'E11.9': ['盐酸二甲双胍片', '0.5g', 'bid'],
  'I25.1': ['阿司匹林肠溶片', '100mg', 'qd'],
  'I69.3': ['阿托伐他汀钙片', '20mg', 'qn'],
  'J44.9': ['噻托溴铵吸入粉雾剂', '18μg', 'qd'],
  'F00.1': ['盐酸多奈哌齐片', '5mg', 'qn'],
  G20: ['多巴丝肼片', '125mg', 'tid'],
  'M81.9': ['碳酸钙D3片', '600mg', 'qd'],
  'I50.9': ['呋塞米片', '20mg', 'qd'],
};
const HOBBIES = [
  '下象棋',
  '听戏曲',
  '书法',
  '看新闻',
  '打太极',
  '养花',
  '唱红歌',
  '打麻将',
  '看电视剧',
  '散步',
  '读报',
  '手工编织',
];
const RELATIONSHIPS = [
  ['son', 35],
  ['daughter', 40],
  ['spouse', 8],
  ['daughter-in-law', 6],
  ['grandchild', 6],
  ['relative', 5],
];

export const FAMILY_RELATIONSHIP_LABEL = {
  son: 'child',
  daughter: 'child',
  spouse: 'spouse',
  'daughter-in-law': 'child-in-law',
  grandchild: 'grandchild',
  relative: 'relative',
};

/** The family members the home calls: generated once per resident and reused in calls and complaints. */
export function familyOf(random, people, resident) {
  const count = random.weighted([
    [1, 3],
    [2, 5],
    [3, 2],
  ]);
  const family = [];
  for (let i = 0; i < count; i += 1) {
    const relationship = random.weighted(RELATIONSHIPS);
    const gender = ['son', 'spouse'].includes(relationship)
      ? relationship === 'spouse'
        ? resident.gender === 'male'
          ? 'female'
          : 'male'
        : 'male'
      : ['daughter', 'daughter-in-law'].includes(relationship)
        ? 'female'
        : random.pick(['male', 'female']);
    const name =
      relationship === 'son' || relationship === 'daughter' || relationship === 'grandchild'
        ? resident.name.charAt(0) + people.youngerName(gender).slice(1)
        : relationship === 'spouse'
          ? people.elderName(gender)
          : people.youngerName(gender);
    family.push({ name, relationship, phone: people.mobile() });
  }
  return family;
}

export function archiveData(random, resident, admissionDate) {
  const diagnoses = random
    .sample(
      DIAGNOSES,
      random.weighted([
        [1, 2],
        [2, 4],
        [3, 3],
        [4, 1],
      ]),
    )
    .filter(([, , weight]) => random.chance(weight / 50 + 0.3));
  const dementia = diagnoses.some(([, icd]) => icd.startsWith('F0'));
  const medications = diagnoses
    .map(([, icd]) => MEDICATIONS[icd])
    .filter(Boolean)
    .map(([name, dose, frequency]) => ({
      name,
      dose,
      frequency,
      route: frequency === 'qd' && name.includes('吸入') ? 'inhalation' : 'oral',
      selfManaged: false,
    }));
  const allergic = random.chance(0.15);
  return {
    name: resident.name,
    gender: resident.gender,
    birthDate: resident.birthDate,
    idNumber: resident.idNumber,
    ethnicity: random.weighted([
      ['汉族', 92],
      ['满族', 4],
      ['回族', 3],
      ['蒙古族', 1],
    ]),
    maritalStatus: random.weighted([
      ['married', 40],
      ['widowed', 52],
      ['divorced', 5],
      ['unmarried', 3],
    ]),
    education: random.weighted([
      ['primary', 30],
      ['junior', 30],
      ['senior', 20],
      ['college', 12],
      ['illiterate', 8],
    ]),
    medicalInsurance: random.weighted([
      ['employee', 60],
      ['resident', 35],
      ['commercial', 5],
    ]),
    admissionDate,
    roomNumber: `1-${resident.room}-${resident.bed}`,
    careLevel: careLevelOf(resident.frailty).key,
    emergencyContacts: resident.family.slice(0, 2).map((member, index) => ({
      name: member.name,
      relationship: member.relationship,
      phone: member.phone,
      isPrimary: index === 0,
    })),
    familyMembers: resident.family.map((member, index) => ({
      name: member.name,
      relationship: member.relationship,
      phone: member.phone,
      isGuardian: index === 0,
      portalAccess: index === 0 && random.chance(0.6),
    })),
    diagnoses: diagnoses.map(([name, icd10]) => ({ name, icd10 })),
    hasDementia: dementia,
    ...(dementia
      ? {
          dementiaStage: random.weighted([
            ['mild', 5],
            ['moderate', 4],
            ['severe', 1],
          ]),
        }
      : {}),
    medications,
    ...(allergic ? { allergies: [allergy(random)] } : { noKnownAllergies: true }),
    dietType: resident.frailty > 0.85 ? 'minced' : resident.frailty > 0.65 ? 'soft' : 'normal',
    dietRestrictions: [
      ...(diagnoses.some(([, icd]) => icd === 'I10') ? ['low-salt'] : []),
      ...(diagnoses.some(([, icd]) => icd === 'E11.9') ? ['diabetic'] : []),
    ],
    wakeTime: random.pick(['05:30', '06:00', '06:30', '07:00']),
    bedTime: random.pick(['20:30', '21:00', '21:30', '22:00']),
    napHabit: random.chance(0.7),
    hobbies: random.sample(HOBBIES, random.int(1, 3)),
    religion: random.weighted([
      ['none', 80],
      ['buddhism', 12],
      ['christianity', 3],
      ['not-stated', 5],
    ]),
    preferredAddress: `${resident.name.charAt(0)}${resident.gender === 'female' ? '阿姨' : '叔叔'}`,
    dialect: random.weighted([
      ['北京话', 60],
      ['河北话', 15],
      ['山东话', 10],
      ['东北话', 10],
      ['普通话', 5],
    ]),
  };
}

function allergy(random) {
  const [allergen, kind] = random.pick([
    ['青霉素', 'drug'],
    ['磺胺类药物', 'drug'],
    ['海鲜', 'food'],
    ['花粉', 'other'],
  ]);
  return { allergen, kind, severity: 'mild' };
}

/** Picks an option of a scale item: index 0 is the most independent answer. */
function option(random, frailty, options) {
  const position = clamp(frailty + random.normal(0, 0.15), 0, 0.999);
  return options[Math.floor(position * options.length)];
}

export function barthelData(random, frailty) {
  return {
    feeding: option(random, frailty * 0.8, [10, 5, 0]),
    bathing: option(random, frailty * 1.3, [5, 0]),
    grooming: option(random, frailty * 1.1, [5, 0]),
    dressing: option(random, frailty, [10, 5, 0]),
    bowels: option(random, frailty * 0.8, [10, 5, 0]),
    bladder: option(random, frailty * 0.9, [10, 5, 0]),
    toiletUse: option(random, frailty, [10, 5, 0]),
    transfers: option(random, frailty * 0.9, [15, 10, 5, 0]),
    mobility: option(random, frailty, [15, 10, 5, 0]),
    stairs: option(random, frailty * 1.3, [10, 5, 0]),
  };
}

export function morseData(random, frailty, assessedOn, assessor) {
  return {
    assessedOn,
    assessor,
    fallHistory: random.chance(0.05 + frailty * 0.2) ? 25 : 0,
    secondaryDiagnosis: random.chance(0.65) ? 15 : 0,
    ambulatoryAid: option(random, frailty, [0, 15, 30]),
    ivTherapy: random.chance(0.04) ? 20 : 0,
    gait: option(random, frailty, [0, 10, 20]),
    mentalStatus: random.chance(0.15 + frailty * 0.35) ? 15 : 0,
  };
}

export function bradenData(random, frailty, assessedOn, assessor) {
  const good = (options) => option(random, frailty * 0.9, options);
  return {
    assessedOn,
    assessor,
    sensoryPerception: good([4, 3, 2, 1]),
    moisture: good([4, 3, 2, 1]),
    activity: good([4, 3, 2, 1]),
    mobility: good([4, 3, 2, 1]),
    nutrition: good([4, 3, 2, 1]),
    frictionShear: good([3, 2, 1]),
  };
}

export const DISCHARGE_REASONS = [
  ['转入医院长期住院治疗', 25],
  ['回家由家属照护', 25],
  ['转至离家更近的养老机构', 15],
  ['费用原因', 12],
  ['对服务不满意', 8],
  ['护理需求超出本院服务范围', 10],
  ['随子女迁居外地', 5],
];
export const DEATH_REASONS = [
  ['病故（肺部感染）', 30],
  ['病故（心脑血管疾病）', 35],
  ['寿终（自然衰老）', 20],
  ['病故（恶性肿瘤）', 15],
];

// Form data for the care-quality and daily-care bundles: residence contracts and their renewal, falls,
// pressure injuries, vital signs and the daily-life notes families read. Rates are per resident-day and
// follow the resident's frailty, so the frailest fall and get pressure injuries more often.
import { clamp } from './random.mjs';
import { addDays } from './time.mjs';

/** Falls per resident-day on average (3 per 1,000 resident-days); the frail fall more (see fallChance). */
export const FALLS_PER_RESIDENT_DAY = 0.003;
/** In-house pressure injuries per resident-day on average (0.6 per 1,000 resident-days). */
export const PRESSURE_INJURIES_PER_RESIDENT_DAY = 0.0006;
/** Share of contracts not renewed at the end of their term (the resident then leaves). */
export const NOT_RENEWED_SHARE = 0.1;

/** The chance that a resident falls today: 0.4× the mean rate when independent, ~1.7× when fully dependent. */
export function fallChance(frailty) {
  return FALLS_PER_RESIDENT_DAY * (0.4 + 1.3 * frailty);
}

/** The chance of a new in-house pressure injury today: grows with the square of frailty (mean ≈ the rate). */
export function pressureInjuryChance(frailty) {
  return (PRESSURE_INJURIES_PER_RESIDENT_DAY * frailty * frailty) / 0.26;
}

// ---- residence contracts -------------------------------------------------------------------------

const FEE_BY_CARE_LEVEL = {
  'self-care': 4500,
  'level-1': 5800,
  'level-2': 7200,
  'level-3': 8600,
  special: 10500,
};

/** The monthly fee in yuan (room and meals on top of the care level's price), rounded to 100. */
export function monthlyFee(random, careLevelKey) {
  return Math.round((FEE_BY_CARE_LEVEL[careLevelKey] + random.int(-5, 10) * 100) / 100) * 100;
}

/** The last day of a one-year term starting on `startDate` (YYYY-MM-DD). */
export function termEnd(startDate) {
  const [year, month, day] = startDate.split('-').map(Number);
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  if (next.getUTCMonth() !== month - 1) {
    next.setUTCDate(0); // 29 February → 28 February
  }
  return addDays(next.toISOString().slice(0, 10), -1);
}

/** The start of the term running on `today` for a resident admitted on `admissionDate` (yearly terms). */
export function currentTermStart(admissionDate, today) {
  let start = admissionDate;
  for (;;) {
    const next = addDays(termEnd(start), 1);
    if (next > today) {
      return start;
    }
    start = next;
  }
}

export function contractData({ contractNo, kind, startDate, fee }) {
  return {
    contractNo,
    kind,
    startDate,
    endDate: termEnd(startDate),
    monthlyFee: fee,
    renewalOutcome: 'pending',
  };
}

/** Why a resident did not renew at the end of the term, and the departure reason the front desk records. */
export const NOT_RENEWED_REASONS = [
  ['price', 30],
  ['moved-closer-to-family', 25],
  ['care-needs', 20],
  ['dissatisfied', 10],
  ['hospital', 5],
  ['other', 10],
];
export const DEPARTURE_REASON_OF = {
  price: '费用原因',
  'moved-closer-to-family': '转至离家更近的养老机构',
  'care-needs': '护理需求超出本院服务范围',
  dissatisfied: '对服务不满意',
  hospital: '转入医院长期住院治疗',
  other: '回家由家属照护',
};
/** The contract's not-renewed reason for a departure in the middle of a term (care-data DISCHARGE_REASONS). */
const REASON_OF_DEPARTURE = {
  转入医院长期住院治疗: 'hospital',
  回家由家属照护: 'other',
  转至离家更近的养老机构: 'moved-closer-to-family',
  费用原因: 'price',
  对服务不满意: 'dissatisfied',
  护理需求超出本院服务范围: 'care-needs',
  随子女迁居外地: 'moved-closer-to-family',
};

export function notRenewedReasonOf(departureReason, died) {
  return died ? 'death' : (REASON_OF_DEPARTURE[departureReason] ?? 'other');
}

// ---- falls -----------------------------------------------------------------------------------------

const FALL_PLACES = [
  ['room', 'transferring', 30],
  ['room', 'in-bed', 12],
  ['room', 'walking', 8],
  ['bathroom', 'toileting', 17],
  ['bathroom', 'bathing', 6],
  ['corridor', 'walking', 14],
  ['dining', 'sitting', 4],
  ['dining', 'walking', 3],
  ['outdoors', 'walking', 4],
  ['room', 'dressing', 2],
];
const IMMEDIATE_ACTIONS = [
  '护士到场评估意识、生命体征和受伤部位，协助回床休息，通知医生查看。',
  '未随意搬动，评估有无骨折后两人协助扶起，测量血压脉搏，医生查看。',
  '立即呼叫医生，检查受伤部位并冰敷，观察 24 小时。',
];
const CAUSES = [
  '夜间独自如厕，地面有水渍，未使用呼叫器。',
  '起身过快，体位性低血压致头晕。',
  '未使用助行器，步态不稳。',
  '拖鞋不防滑，转身时滑倒。',
  '服用镇静催眠药后夜间起床。',
  '床档未拉起，翻身时坠床。',
];
const PREVENTION = [
  '夜间加强巡视，床旁放置尿壶，教会使用呼叫器。',
  '起身“三个半分钟”宣教，更换防滑鞋。',
  '评估助行器使用，复评 Morse 跌倒风险。',
  '卫生间加装扶手和防滑垫，地面保持干燥。',
  '请医生评估用药，调整睡前药物。',
];

/** A fall report, written by the wing's nurse some time after the fall at `occurredAt` (ms). */
export function fallData(random, frailty, occurredAt, reporter) {
  const [location, activity] = random.weighted(FALL_PLACES.map(([l, a, w]) => [[l, a], w]));
  const injuryLevel = random.weighted([
    ['none', 58 - 10 * frailty],
    ['minor', 30],
    ['moderate', 8 + 6 * frailty],
    ['severe', 2 + 4 * frailty],
  ]);
  const serious = injuryLevel === 'moderate' || injuryLevel === 'severe';
  const hospitalTransfer =
    injuryLevel === 'severe' || (injuryLevel === 'moderate' && random.chance(0.4)) || random.chance(0.01);
  return {
    occurredAt: new Date(occurredAt).toISOString(),
    location,
    activity,
    injuryLevel,
    witnessed: random.chance(0.35),
    hospitalTransfer,
    familyInformedAt: new Date(occurredAt + random.int(15, serious ? 45 : 180) * 60_000).toISOString(),
    immediateActions: random.pick(IMMEDIATE_ACTIONS),
    ...(serious || random.chance(0.6) ? { causeAnalysis: random.pick(CAUSES) } : {}),
    preventiveMeasures: random.pick(PREVENTION),
    reportedBy: reporter,
  };
}

// ---- pressure injuries -----------------------------------------------------------------------------

const SITES = [
  ['sacrum', 40],
  ['heel', 25],
  ['trochanter', 10],
  ['ischium', 8],
  ['ankle', 5],
  ['occiput', 3],
  ['scapula', 3],
  ['elbow', 3],
  ['device-related', 2],
  ['ear', 1],
];
const STAGES = [
  ['1', 40],
  ['2', 38],
  ['3', 8],
  ['4', 2],
  ['unstageable', 4],
  ['dti', 8],
];
const TREATMENT = {
  1: '减压：每 2 小时翻身，使用气垫床，局部保护敷料，保持皮肤清洁干燥。',
  2: '生理盐水清洗，水胶体敷料覆盖，每 2 小时翻身，加强营养。',
  3: '请医生和伤口护士会诊，清创后泡沫敷料，营养科评估。',
  4: '转诊伤口专科，清创，负压治疗评估，加强营养与减压。',
  unstageable: '伤口护士评估，待清创后分期，减压与营养支持。',
  dti: '局部减压，密切观察颜色与范围变化，避免按摩。',
};

/** The Braden total the frailty implies (23 independent … ~9 fully dependent). */
export function bradenEstimate(frailty) {
  return clamp(Math.round(23 - frailty * 14), 6, 23);
}

export function pressureInjuryData(random, frailty, foundAt, acquired, bradenScore) {
  const stage = random.weighted(STAGES);
  const length = Math.round((0.5 + random.float() * (stage === '1' || stage === '2' ? 3 : 6)) * 10) / 10;
  return {
    foundAt,
    site: random.weighted(SITES),
    stage,
    acquired,
    lengthCm: length,
    widthCm: Math.round(length * (0.5 + random.float() * 0.5) * 10) / 10,
    treatment: TREATMENT[stage],
    bradenScoreAtFinding: clamp(bradenScore ?? bradenEstimate(frailty), 6, 23),
  };
}

// ---- vital signs and daily life ----------------------------------------------------------------------

/** A resident's usual values (drawn once), around which each measurement varies. */
export function vitalBaseline(random, frailty) {
  return {
    systolic: clamp(random.normal(132, 14), 100, 175),
    diastolic: clamp(random.normal(76, 8), 55, 100),
    pulse: clamp(random.normal(74, 8), 55, 100),
    spo2: clamp(Math.round(97.5 - frailty * 3 + random.normal(0, 0.8)), 90, 99),
  };
}

export function vitalSignsData(random, baseline, measuredAt, diabetic) {
  const systolic = Math.round(baseline.systolic + random.normal(0, 8));
  const fever = random.chance(0.02);
  return {
    measuredAt: new Date(measuredAt).toISOString(),
    systolic,
    diastolic: Math.min(Math.round(baseline.diastolic + random.normal(0, 5)), systolic - 20),
    pulse: Math.round(baseline.pulse + random.normal(0, 5) + (fever ? 12 : 0)),
    temperature: Math.round((fever ? 37.6 + random.float() * 1.2 : random.normal(36.5, 0.2)) * 10) / 10,
    respiration: random.int(15, 20) + (fever ? 3 : 0),
    spo2: clamp(baseline.spo2 + random.int(-1, 1) - (fever ? 2 : 0), 85, 100),
    ...(diabetic
      ? {
          bloodGlucose: Math.round(clamp(random.normal(7.2, 1.3), 3.9, 16) * 10) / 10,
          glucoseTiming: 'fasting',
        }
      : {}),
  };
}

const MEALS = ['all', 'most', 'half', 'little', 'none'];
const ABLE_ACTIVITIES = [
  ['group-exercise', 5],
  ['crafts', 3],
  ['music', 4],
  ['outing', 3],
  ['games', 4],
  ['reading', 3],
  ['tv', 4],
  ['rest', 2],
];
const FRAIL_ACTIVITIES = [
  ['rehab-exercise', 4],
  ['music', 3],
  ['tv', 4],
  ['rest', 6],
  ['outing', 1],
];
const NOTES = {
  good: [
    '今天精神很好，午饭后和老伙伴聊了很久，笑声不断。',
    '今天参加活动很积极，还主动帮忙摆放桌椅。',
    '今天胃口不错，下午在花园晒了太阳。',
  ],
  ordinary: ['今天状态平稳，按时吃饭休息。', '今天一切如常，睡了午觉，晚上看了新闻。'],
  low: [
    '今天有点想家，护理员多陪着聊了会儿天，欢迎家人来电话。',
    '今天话不多，食欲一般，我们会多关注，请家人放心。',
  ],
};

export function dailyLifeData(random, frailty, date, familyVisited) {
  const appetite = clamp(frailty * 0.8 + random.normal(0, 0.18), 0, 0.999);
  const meal = () => MEALS[clamp(Math.floor(appetite * 4 + random.normal(0, 0.5)), 0, 4)];
  const pool = frailty > 0.6 ? FRAIL_ACTIVITIES : ABLE_ACTIVITIES;
  const activities = new Set();
  for (let i = random.int(1, 3); i > 0; i -= 1) {
    activities.add(random.weighted(pool));
  }
  if (familyVisited) {
    activities.add('visit');
  }
  const mood = familyVisited
    ? 'good'
    : random.weighted([
        ['good', 45 - 15 * frailty],
        ['ordinary', 45],
        ['low', 8 + 10 * frailty],
      ]);
  return {
    date,
    meals: { breakfast: meal(), lunch: meal(), dinner: meal() },
    activities: [...activities],
    mood,
    noteForFamily: familyVisited ? '今天家人来看望，老人特别开心，晚饭也吃得多。' : random.pick(NOTES[mood]),
  };
}

/** The two weekdays (0–6) on which a resident's vital signs are taken, spread over the week by bed. */
export function vitalSignDays(bedKey) {
  const first = bedKey % 7;
  return [first, (first + 3) % 7];
}

// The 30-day onboarding after an admission: the steward's calls on days 3, 7, 15 and 30 and the
// summary, mostly on time, some a day late (the head nurse is notified by the process's own
// escalation timer), a few several days late, and a concern raised now and then.
import { FAMILY_RELATIONSHIP_LABEL } from './care-data.mjs';
import { DAY, HOUR, MINUTE, at } from './time.mjs';

export const CALL_DAYS = [3, 7, 15, 30];

/** When the steward makes call `day`, relative to the admission day's 00:00. */
export function plannedCallTime(random, admissionDay, day) {
  const dueDay = admissionDay + day * DAY;
  const roll = random.float();
  if (roll < 0.08) {
    return at(dueDay - DAY, random.int(14, 17), random.int(0, 59));
  }
  if (roll < 0.88) {
    return at(dueDay, random.int(9, 17), random.int(0, 59)) + 30 * MINUTE;
  }
  if (roll < 0.96) {
    return at(dueDay + DAY, random.int(10, 16), random.int(0, 59));
  }
  return at(dueDay + random.int(2, 4) * DAY, random.int(10, 16), random.int(0, 59));
}

/** The earliest a call can be made: its task opens at 09:00 the day before it is due. */
export function callOpensAt(admissionDay, day) {
  return at(admissionDay + (day - 1) * DAY, 9);
}

export function plannedSummaryDelay(random) {
  return random.chance(0.85) ? random.int(2, 40) * HOUR : random.int(74, 110) * HOUR;
}

const FEEDBACK = {
  good: [
    '老人说这里的饭菜合口味，和邻床老人聊得来。',
    '家属说老人精神比在家时好。',
    '老人参加了书法活动，很开心。',
  ],
  fair: [
    '老人还在适应作息，午睡时间不太规律。',
    '家属说老人偶尔想家，打电话时情绪有些低落。',
    '老人对饭菜口味还在适应。',
  ],
  poor: ['老人晚上睡不好，总说想回家。', '老人不太愿意参加集体活动，吃饭也少。'],
};
const CONCERNS = [
  ['家属担心老人夜间起床如厕有跌倒风险。', '增加夜间巡视，床旁放置夜灯。'],
  ['家属反映老人最近食欲下降。', '请营养师评估并调整饮食。'],
  ['家属希望增加康复训练次数。', '与康复师沟通，调整训练计划。'],
  ['老人和同屋长者作息不合，家属希望调换房间。', '评估调房可能性并与家属沟通。'],
];

function leveled(random, index, options, improve) {
  // Later calls go better: the weights move towards the first option.
  const shift = improve * index;
  return random.weighted([
    [options[0], 50 + shift],
    [options[1], 38 - shift / 2],
    [options[2], 12 - shift / 2],
  ]);
}

export function callNotes(random, resident, day, time) {
  const index = CALL_DAYS.indexOf(day);
  const member = resident.family[0];
  const adaptation = leveled(random, index, ['good', 'fair', 'poor'], 7);
  const concern = random.chance(0.08);
  const [concerns, action] = random.pick(CONCERNS);
  return {
    followUpDay: day,
    calledAt: new Date(time).toISOString(),
    channel: random.weighted([
      ['phone', 60],
      ['visit', 25],
      ['video', 10],
      ['message', 5],
    ]),
    contactPerson: member.name,
    relationship: FAMILY_RELATIONSHIP_LABEL[member.relationship] ?? 'other',
    adaptation,
    mood: adaptation === 'good' ? random.pick(['cheerful', 'calm']) : random.pick(['calm', 'low', 'anxious']),
    meals: leveled(random, index, ['good', 'fair', 'poor'], 5),
    sleep: leveled(random, index, ['good', 'fair', 'poor'], 5),
    activities: random.weighted([
      ['often', 35],
      ['sometimes', 45],
      ['never', 20],
    ]),
    familyFeedback: random.pick(FEEDBACK[adaptation]),
    concernRaised: concern,
    ...(concern ? { concerns, followUpNeeded: true, followUpAction: action } : { followUpNeeded: false }),
  };
}

export function summaryData(random, lastAdaptation, date) {
  const overall =
    lastAdaptation === 'good'
      ? 'adapted'
      : lastAdaptation === 'fair'
        ? 'adapting'
        : random.pick(['adapting', 'not-adapted']);
  return {
    summaryDate: date,
    overallAdaptation: overall,
    moodTrend: random.weighted([
      ['better', 55],
      ['stable', 38],
      ['worse', 7],
    ]),
    mealsTrend: random.weighted([
      ['better', 40],
      ['stable', 52],
      ['worse', 8],
    ]),
    sleepTrend: random.weighted([
      ['better', 40],
      ['stable', 50],
      ['worse', 10],
    ]),
    familySatisfaction:
      overall === 'adapted'
        ? random.weighted([
            [5, 6],
            [4, 4],
          ])
        : random.weighted([
            [4, 5],
            [3, 4],
            [2, 1],
          ]),
    ...(overall === 'adapted' ? {} : { openIssues: '继续关注睡眠与情绪，每周与家属沟通一次。' }),
    continueMonitoring: overall !== 'adapted',
  };
}

// Complaints through the complaint-workorder process, start to end: intake record, first response
// (mostly inside the 1-hour SLA), resolution (mostly inside 24 h urgent / 3 days), the satisfaction
// callback 24 h later (1–5 and NPS, about 70 % promoters, 20 % passives, 10 % detractors) and, now
// and then, a reopen when the complainant is unhappy.
import { HOUR, MINUTE, iso } from './time.mjs';

export const COMPLAINT_TYPES = [
  ['meals', 30],
  ['care', 28],
  ['cleaning', 12],
  ['facilities', 12],
  ['attitude', 8],
  ['billing', 6],
  ['other', 4],
];

/** Which role the process routes a type to (the template's exclusive gateway). */
export const HANDLER_ROLE = {
  care: 'head-nurse',
  meals: 'logistics',
  cleaning: 'logistics',
  facilities: 'logistics',
  billing: 'front-desk',
  attitude: 'admin',
  other: 'front-desk',
};

const STORIES = {
  meals: [
    ['午饭的菜太咸，老人有高血压，吃不了。', '希望按低盐饮食单独准备。', '食堂'],
    ['晚饭送到房间时已经凉了。', '送餐时用保温箱，饭菜要热的。', '房间'],
    ['连续几天早餐都是馒头和稀饭，品种太少。', '希望早餐多些花样，增加鸡蛋和牛奶。', '食堂'],
    ['老人牙口不好，肉块太大嚼不动。', '肉类切碎或做成肉末。', '食堂'],
    ['糖尿病饮食里出现了甜点。', '严格按糖尿病饮食配餐。', '食堂'],
  ],
  care: [
    ['夜里按呼叫铃二十分钟才有人来。', '夜班及时响应呼叫。', '房间'],
    ['老人的衣服换下来两天没有洗。', '按时更换和清洗衣物。', '房间'],
    ['护理员给老人翻身不及时，背部发红。', '按护理计划定时翻身，注意皮肤。', '房间'],
    ['老人的药有一次漏服了。', '查明原因，保证按时服药。', '护理站'],
    ['洗澡时水温太低，老人着凉了。', '洗澡前测水温，注意保暖。', '浴室'],
  ],
  cleaning: [
    ['卫生间有异味，地面湿滑。', '每天至少清洁两次并保持干燥。', '卫生间'],
    ['房间垃圾一天没人收。', '按时清运垃圾。', '房间'],
    ['床单有污渍没有及时更换。', '污染后立即更换床单。', '房间'],
  ],
  facilities: [
    ['房间空调不制冷。', '尽快维修空调。', '房间'],
    ['走廊扶手松动，老人扶着不安全。', '立即加固扶手。', '走廊'],
    ['热水时有时无。', '检修热水系统。', '卫生间'],
    ['呼叫铃按了没有响。', '检修呼叫系统。', '房间'],
    ['电视遥控器坏了一周没人修。', '更换遥控器。', '房间'],
  ],
  attitude: [
    ['护理员说话不耐烦，老人心里很难受。', '希望工作人员耐心对待老人。', '房间'],
    ['前台接待家属态度冷淡。', '改进接待礼仪。', '前台'],
  ],
  billing: [
    ['本月账单多收了护理费。', '核对账单并退还多收费用。', '前台'],
    ['护理等级调整后费用没有提前告知。', '调整收费前先与家属沟通。', '前台'],
  ],
  other: [
    ['探视时间太短，上班族来不及。', '延长周末探视时间。', '前台'],
    ['老人的快递被放错了房间。', '快递登记后送到本人。', '前台'],
  ],
};

const ACTIONS = {
  meals: ['已与厨师长沟通，调整配餐并每日抽查。', '已为长者单独备餐，送餐改用保温箱。'],
  care: ['已与当班护理员面谈，重新培训并纳入考核。', '调整排班，增加夜班巡视频次。'],
  cleaning: ['已安排保洁专人负责该区域，每日检查两次。', '已立即清理并调整保洁排班。'],
  facilities: ['维修人员已上门修复并测试正常。', '已更换损坏部件，纳入每周巡检。'],
  attitude: ['已与相关员工谈话并书面致歉，纳入服务礼仪培训。'],
  billing: ['已核对账单，多收费用下月抵扣，并向家属解释收费标准。'],
  other: ['已调整相关安排并告知家属。'],
};

/** What happened, from the intake to the last callback: decided up front so a seed fixes the story. */
export function planComplaint(random, people, resident, start) {
  const type = random.weighted(COMPLAINT_TYPES);
  const [description, expectation, location] = random.pick(STORIES[type]);
  const urgent = random.chance(type === 'care' ? 0.25 : 0.1);
  const filedBy = random.weighted([
    ['family', 65],
    ['resident', 20],
    ['staff', 8],
    ['visitor', 7],
  ]);
  const member = resident.family[0];
  const complainantName =
    filedBy === 'family'
      ? member.name
      : filedBy === 'resident'
        ? resident.name
        : people.youngerName(random.pick(['male', 'female']));
  const intake = {
    complaintType: type,
    urgency: urgent ? 'urgent' : 'normal',
    filedBy,
    channel:
      filedBy === 'family'
        ? random.weighted([
            ['phone', 50],
            ['wechat', 30],
            ['in-person', 20],
          ])
        : random.weighted([
            ['in-person', 70],
            ['suggestion-box', 30],
          ]),
    complainantName,
    ...(filedBy === 'family' ? { complainantPhone: member.phone } : {}),
    occurredAt: iso(start - random.int(1, 20) * HOUR),
    location,
    description,
    expectation,
  };
  const rounds = [];
  // The first round's callback: NPS groups about 70/20/10; the 1–5 score follows the NPS answer.
  const group = random.weighted([
    ['promoter', 70],
    ['passive', 20],
    ['detractor', 10],
  ]);
  rounds.push(roundPlan(random, type, urgent, group));
  if (rounds[0].callback.satisfactionScore <= 2) {
    // Reopened once; the second handling satisfies.
    rounds.push(
      roundPlan(
        random,
        type,
        urgent,
        random.weighted([
          ['promoter', 60],
          ['passive', 40],
        ]),
      ),
    );
  }
  return { type, urgent, intake, rounds };
}

function roundPlan(random, type, urgent, group) {
  const firstResponseLate = random.chance(0.12);
  const firstResponseAfter = firstResponseLate ? random.int(65, 240) * MINUTE : random.int(5, 55) * MINUTE;
  const resolutionLate = random.chance(urgent ? 0.1 : 0.12);
  const resolveAfter = urgent
    ? (resolutionLate ? random.int(25, 40) : random.int(2, 20)) * HOUR
    : (resolutionLate ? random.int(74, 120) : random.int(3, 66)) * HOUR;
  const nps =
    group === 'promoter' ? random.int(9, 10) : group === 'passive' ? random.int(7, 8) : random.int(0, 6);
  const satisfactionScore =
    group === 'promoter'
      ? random.weighted([
          [5, 7],
          [4, 3],
        ])
      : group === 'passive'
        ? random.weighted([
            [4, 5],
            [3, 5],
          ])
        : random.weighted([
            [3, 3],
            [2, 4],
            [1, 3],
          ]);
  return {
    firstResponseAfter,
    resolveAfter,
    // The callback task opens 24 h after the resolution and is due a day later.
    callbackAfter: 24 * HOUR + random.int(40, 20 * 60) * MINUTE,
    substantiated: random.weighted([
      ['yes', 55],
      ['partly', 30],
      ['no', 15],
    ]),
    rootCause:
      type === 'facilities'
        ? 'facility'
        : random.weighted([
            ['staff', 35],
            ['process', 30],
            ['communication', 20],
            ['misunderstanding', 10],
            ['supplier', 5],
          ]),
    actionsTaken: random.pick(ACTIONS[type]),
    callback: {
      reached: true,
      satisfactionScore,
      npsScore: nps,
      ...(satisfactionScore <= 2 ? { comments: '问题没有根本解决，希望再跟进。' } : {}),
    },
  };
}

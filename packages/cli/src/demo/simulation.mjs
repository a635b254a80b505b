// The day-by-day simulation. Each day the test clock is set to the times at which something happens,
// so the server's timers (reminders, SLA escalations, the callback wait) fire in between as they would;
// the actions of a batch run concurrently, each in its own random stream, and schedule their follow-ups.
import { inParallel, Session } from './api.mjs';
import {
  archiveData,
  barthelData,
  bradenData,
  careLevelOf,
  DEATH_REASONS,
  DISCHARGE_REASONS,
  familyOf,
  initialFrailty,
  morseData,
} from './care-data.mjs';
import {
  contractData,
  currentTermStart,
  dailyLifeData,
  DEPARTURE_REASON_OF,
  fallChance,
  fallData,
  monthlyFee,
  NOT_RENEWED_REASONS,
  NOT_RENEWED_SHARE,
  notRenewedReasonOf,
  pressureInjuryChance,
  pressureInjuryData,
  vitalBaseline,
  vitalSignDays,
  vitalSignsData,
} from './care-quality.mjs';
import { HANDLER_ROLE, planComplaint } from './complaints.mjs';
import { portalChance, portalMembers } from './family.mjs';
import {
  CALL_DAYS,
  callNotes,
  callOpensAt,
  plannedCallTime,
  plannedSummaryDelay,
  summaryData,
} from './onboarding.mjs';
import { clamp, currentRandom, withRandom } from './random.mjs';
import { DAY, HOUR, MINUTE, addDays, at, iso, localDate, localMonth } from './time.mjs';

/** Events this close after the earliest pending one run in its batch, at its time. */
const BATCH_WINDOW = 2 * HOUR;
/** Per 300 beds and month: admissions, departures, complaints; a small home still sees some turnover. */
const RATES = { admissions: 8, departures: 6, complaints: 25 };
const MONTHLY_FLOOR = { admissions: 3, departures: 2, complaints: 4 };
/**
 * Shares of the residents whose vital signs (twice a week) and daily life (every third day) are recorded in
 * the demo: every resident would add ~40,000 records a year to a 300-bed run and more than triple its time.
 */
const VITAL_SIGNS_SHARE = 0.25;
const DAILY_LIFE_SHARE = 0.1;
/** Hours of the day falls happen at, by weight: most by day, some at night (getting up to the toilet). */
const FALL_HOURS = [
  [0, 2],
  [1, 2],
  [2, 2],
  [3, 2],
  [4, 2],
  [5, 3],
  [6, 4],
  [7, 5],
  [8, 5],
  [9, 4],
  [10, 4],
  [11, 4],
  [12, 3],
  [13, 3],
  [14, 4],
  [15, 4],
  [16, 4],
  [17, 4],
  [18, 4],
  [19, 4],
  [20, 3],
  [21, 3],
  [22, 2],
  [23, 2],
];

/** The onboarding-30day bundle's rule that starts the onboarding when a resident is admitted. */
const ADMISSION_RULE = 'onboarding-on-admission';

/** The Shanghai day (dayStart ms) of a `YYYY-MM-DD` date. */
const dayOf = (date) => Date.parse(`${date}T00:00:00+08:00`);

export class Simulation {
  constructor({ api, admin, staff, home, random, people, concurrency, log, demoPassword }) {
    this.api = api;
    this.demoPassword = demoPassword;
    this.admin = admin;
    this.staff = staff;
    this.home = home;
    this.mainRandom = random;
    this.people = people;
    this.concurrency = concurrency;
    this.log = log;
    this.residents = [];
    this.events = [];
    this.clock = 0;
    /** Residents numbered in the order they are planned (family usernames carry the number). */
    this.residentSeq = 0;
    /** `/api/portal/home` when the server has the family portal, else the resident's own page; found on first use. */
    this.portalRoute = undefined;
    /** Month → usernames of family members who opened the portal that month. */
    this.familyActive = new Map();
    this.stats = {
      residentsAtStart: 0,
      admissions: 0,
      discharged: 0,
      deceased: 0,
      archives: 0,
      assessments: 0,
      onboardingStarted: 0,
      onboardingCalls: 0,
      onboardingCallsLate: 0,
      onboardingSummaries: 0,
      complaints: 0,
      firstResponses: 0,
      firstResponsesLate: 0,
      resolutions: 0,
      callbacks: 0,
      reopened: 0,
      completedByDirector: 0,
      residentDays: 0,
      contracts: 0,
      renewed: 0,
      notRenewed: 0,
      contractsEndedEarly: 0,
      falls: 0,
      fallsModerateOrWorse: 0,
      pressureInjuriesInHouse: 0,
      pressureInjuriesOnAdmission: 0,
      vitalSigns: 0,
      dailyLife: 0,
      familyUsers: 0,
      familyLogins: 0,
      familyReads: 0,
      familyReadRoute: null,
      familyActiveByMonth: {},
      clockMoves: 0,
    };
    this.clockMs = 0;
    this.beds = home.wings.reduce((n, w) => n + w.beds.length, 0);
  }

  /** The running action's own stream, else the main one (planning, outside actions). */
  get random() {
    return currentRandom(this.mainRandom);
  }

  /** Staff sessions by role, optionally those of one wing. */
  sessions(role, wing) {
    const list = this.staff.filter((s) => s.role === role && (wing === undefined || s.wing === wing));
    if (list.length === 0) {
      throw new Error(`no ${role} staff${wing ? ` in ${wing.name}` : ''}`);
    }
    return list;
  }

  one(role, wing) {
    return this.random.pick(this.sessions(role, wing)).session;
  }

  /**
   * Queues an action. `exact` ones (steps of a running process: their task appears on a timer, and
   * their timing is what the SLA reports measure) run at their time; the others may run up to two
   * hours early, together with the batch before them.
   */
  schedule(time, label, run, exact = false) {
    this.events.push({
      time: Math.max(time, this.clock + MINUTE),
      label,
      run,
      exact,
      random: this.random.child(),
    });
  }

  async setClock(ms) {
    if (ms <= this.clock) {
      return;
    }
    const started = Date.now();
    await this.admin.post('/api/test/clock', { set: iso(ms) });
    // The requested instant, not the server's answer (a few milliseconds later): times stay reproducible.
    this.clock = ms;
    this.stats.clockMoves += 1;
    this.clockMs += Date.now() - started;
  }

  /** Runs an action, counting (not throwing) its failure. */
  async attempt(label, run) {
    try {
      await run();
    } catch (error) {
      this.api.fail(label, error);
    }
  }

  // ---- residents -------------------------------------------------------------------------------

  /** The residents the first start created: they stay, with their beds, and get assessed like the rest. */
  adoptExisting(existing, today) {
    for (const row of existing) {
      if (row.status !== 'admitted') {
        continue;
      }
      const wing = this.home.wings.find((w) => w.id === row.orgUnitId);
      const bed = wing?.beds.find((b) => b.room === row.room && b.bed === row.bed && !b.residentId);
      if (!wing || !bed) {
        continue;
      }
      bed.residentId = row.id;
      this.residentSeq += 1;
      const resident = this.newResident(wing, bed, row.gender, row.birthDate, row.name, this.residentSeq);
      resident.id = row.id;
      resident.idNumber = this.people.idNumber(row.birthDate, row.gender);
      resident.admittedDay = today;
      this.residents.push(resident);
    }
  }

  newResident(wing, bed, gender, birthDate, name, number) {
    const resident = {
      id: null,
      number,
      name,
      gender,
      birthDate,
      wing,
      room: bed.room,
      bed: bed.bed,
      frailty: initialFrailty(this.random),
      status: 'admitted',
      admittedDay: 0,
      onboardingUntil: 0,
      archived: false,
      nextAssessment: 0,
      lastAdaptation: 'fair',
      diabetic: false,
      lastBraden: null,
      contract: null,
      vitals: null,
      vitalSigns: this.random.chance(VITAL_SIGNS_SHARE),
      dailyLife: this.random.chance(DAILY_LIFE_SHARE),
    };
    resident.family = familyOf(this.random, this.people, resident);
    resident.vitals = vitalBaseline(this.random, resident.frailty);
    resident.portal = portalMembers(this.random, resident, number);
    const stewards = this.sessions('steward', wing);
    resident.steward = stewards[wing.beds.indexOf(bed) % stewards.length];
    resident.bedKey = wing.index * 100_000 + wing.beds.indexOf(bed);
    return resident;
  }

  freeBeds() {
    return this.home.wings.flatMap((wing) =>
      wing.beds.filter((b) => !b.residentId).map((bed) => ({ wing, bed })),
    );
  }

  /** Creates a resident through the API and admits them (front desk). */
  async admit(wing, bed, today, number) {
    const gender = this.random.weighted([
      ['female', 62],
      ['male', 38],
    ]);
    const birthDate = this.people.birthDate(localDate(today), 75, 95);
    const resident = this.newResident(wing, bed, gender, birthDate, this.people.elderName(gender), number);
    resident.idNumber = this.people.idNumber(birthDate, gender);
    resident.admittedDay = today;
    bed.residentId = 'pending';
    const frontDesk = this.one('front-desk');
    const created = await frontDesk.post('/api/residents', {
      name: resident.name,
      gender,
      birthDate,
      orgUnitId: wing.id,
      room: bed.room,
      bed: bed.bed,
      careLevel: careLevelOf(resident.frailty).label,
      idNumber: resident.idNumber,
    });
    resident.id = created.id;
    bed.residentId = created.id;
    await frontDesk.post(`/api/residents/${created.id}/status`, { status: 'admitted' });
    this.residents.push(resident);
    return resident;
  }

  /** The archive (once) and the three periodic scales, by a nurse of the wing. */
  async assess(resident, time) {
    const nurse = this.random.pick(this.sessions('nurse', resident.wing));
    const date = localDate(time);
    if (!resident.archived) {
      const archive = archiveData(
        this.random,
        resident,
        resident.archiveAdmissionDate ?? localDate(resident.admittedDay),
      );
      resident.diabetic = archive.diagnoses.some((d) => d.icd10 === 'E11.9');
      await resident.steward.session.post('/api/records', {
        formKey: 'elder-archive',
        residentId: resident.id,
        data: archive,
      });
      resident.archived = true;
      this.stats.archives += 1;
    }
    const assessor = nurse.user.displayName;
    const record = (formKey, data) =>
      nurse.session.post('/api/records', { formKey, residentId: resident.id, data });
    const braden = bradenData(this.random, resident.frailty, date, assessor);
    resident.lastBraden = Object.values(braden)
      .filter((v) => typeof v === 'number')
      .reduce((sum, v) => sum + v, 0);
    await Promise.all([
      record('barthel-adl', barthelData(this.random, resident.frailty)),
      record('morse-fall', morseData(this.random, resident.frailty, date, assessor)),
      record('braden', braden),
    ]);
    this.stats.assessments += 1;
    const before = careLevelOf(resident.frailty);
    resident.frailty = clamp(resident.frailty + Math.max(0, this.random.normal(0.035, 0.03)), 0, 0.99);
    const after = careLevelOf(resident.frailty);
    if (after.key !== before.key) {
      // The care level follows the assessment (head nurse's decision after the scales).
      const current = await this.admin.get(`/api/residents/${resident.id}`);
      await this.one('head-nurse', resident.wing).patch(`/api/residents/${resident.id}`, {
        careLevel: after.label,
        version: current.version,
      });
    }
  }

  async depart(resident, died, givenReason) {
    const reason = givenReason ?? this.random.weighted(died ? DEATH_REASONS : DISCHARGE_REASONS);
    await this.endContractEarly(resident, notRenewedReasonOf(reason, died), reason);
    resident.status = died ? 'deceased' : 'discharged';
    await this.one('front-desk').post(`/api/residents/${resident.id}/status`, {
      status: resident.status,
      reason,
    });
    const bed = resident.wing.beds.find((b) => b.residentId === resident.id);
    if (bed) {
      bed.residentId = null;
    }
    this.stats[resident.status] += 1;
  }

  // ---- contracts and family logins ----------------------------------------------------------------

  /** The contract running today (front desk) and the family members' logins, linked to the resident. */
  async welcome(resident, termStart, kind) {
    await Promise.all([this.signContract(resident, termStart, kind), this.linkFamily(resident)]);
  }

  async signContract(resident, startDate, kind) {
    const data = contractData({
      contractNo: `HT${startDate.replaceAll('-', '')}${String(resident.number).padStart(4, '0')}`,
      kind,
      startDate,
      fee: monthlyFee(this.random, careLevelOf(resident.frailty).key),
    });
    const record = await this.one('front-desk').post('/api/records', {
      formKey: 'residence-contract',
      residentId: resident.id,
      data,
    });
    resident.contract = { id: record.id, revision: record.revision, data, endDay: dayOf(data.endDate) };
    this.stats.contracts += 1;
  }

  /** Writes the outcome onto the contract record (a new revision of it). */
  async closeContract(resident, changes) {
    const contract = resident.contract;
    const data = { ...contract.data, ...changes };
    const updated = await this.one('front-desk').patch(`/api/records/${contract.id}`, {
      data,
      revision: contract.revision,
    });
    resident.contract = { ...contract, data, revision: updated.revision };
  }

  /** The last day of the term: most renew (a new contract from tomorrow), some leave today with their reason. */
  async endOfTerm(resident) {
    resident.termEnding = false;
    if (resident.status !== 'admitted' || resident.contract?.data.renewalOutcome !== 'pending') {
      return;
    }
    const { data } = resident.contract;
    if (!this.random.chance(NOT_RENEWED_SHARE)) {
      await this.closeContract(resident, { renewalOutcome: 'renewed' });
      this.stats.renewed += 1;
      await this.signContract(resident, addDays(data.endDate, 1), 'renewal');
      return;
    }
    const reason = this.random.weighted(NOT_RENEWED_REASONS);
    await this.closeContract(resident, {
      renewalOutcome: 'not-renewed',
      notRenewedReason: reason,
      notes: '合同到期未续约，已办理退住。',
    });
    this.stats.notRenewed += 1;
    resident.status = 'leaving';
    await this.depart(resident, false, DEPARTURE_REASON_OF[reason]);
  }

  /** A resident who leaves during a term: the contract ends on the day they leave, not renewed. */
  async endContractEarly(resident, reason, text) {
    const contract = resident.contract;
    if (!contract || contract.data.renewalOutcome !== 'pending') {
      return;
    }
    const today = localDate(this.clock);
    await this.closeContract(resident, {
      endDate: today < contract.data.startDate ? contract.data.startDate : today,
      renewalOutcome: 'not-renewed',
      notRenewedReason: reason,
      notes: `合同提前终止：${text}`,
    });
    this.stats.contractsEndedEarly += 1;
  }

  /** Creates the family members' users (admin) and links them to the resident (front desk). */
  async linkFamily(resident) {
    for (const member of resident.portal) {
      try {
        const user = await this.admin.post('/api/users', {
          username: member.username,
          displayName: member.displayName,
          password: this.demoPassword,
          memberships: [{ role: 'family', orgUnitId: this.home.branch.id }],
        });
        member.userId = user.id;
      } catch (error) {
        if (error.status === 409) {
          continue; // a rerun with --force: the user exists with a password we may not know
        }
        throw error;
      }
      await this.one('front-desk').post(`/api/residents/${resident.id}/family-links`, {
        userId: member.userId,
        relationship: member.relationship,
      });
      this.stats.familyUsers += 1;
    }
  }

  /** A family member opens the portal (logging in first when they have no session) and reads it. */
  async readPortal(resident, member) {
    if (!member.session) {
      const token = await this.api.login(member.username, this.demoPassword);
      member.session = new Session(this.api, member, token);
      this.stats.familyLogins += 1;
    }
    if (this.portalRoute === undefined || this.portalRoute === 'portal') {
      try {
        await member.session.get('/api/portal/home');
        this.portalRoute = 'portal';
      } catch (error) {
        if (error.status !== 404 || this.portalRoute === 'portal') {
          throw error;
        }
        this.portalRoute = 'resident';
      }
    }
    if (this.portalRoute === 'resident') {
      await member.session.get(`/api/residents/${resident.id}`);
    }
    this.stats.familyReads += 1;
    const month = localMonth(this.clock);
    if (!this.familyActive.has(month)) {
      this.familyActive.set(month, new Set());
    }
    this.familyActive.get(month).add(member.username);
  }

  // ---- care quality and daily care ----------------------------------------------------------------

  async reportFall(resident) {
    const nurse = this.random.pick(this.sessions('nurse', resident.wing));
    const occurredAt = this.clock - this.random.int(20, 90) * MINUTE;
    const data = fallData(this.random, resident.frailty, occurredAt, nurse.user.displayName);
    await nurse.session.post('/api/records', { formKey: 'fall-incident', residentId: resident.id, data });
    this.stats.falls += 1;
    if (data.injuryLevel === 'moderate' || data.injuryLevel === 'severe') {
      this.stats.fallsModerateOrWorse += 1;
      resident.frailty = clamp(resident.frailty + 0.03, 0, 0.99);
    }
  }

  async reportPressureInjury(resident, acquired) {
    const data = pressureInjuryData(
      this.random,
      resident.frailty,
      localDate(this.clock),
      acquired,
      resident.lastBraden,
    );
    await this.one('nurse', resident.wing).post('/api/records', {
      formKey: 'pressure-injury',
      residentId: resident.id,
      data,
    });
    this.stats[acquired === 'in-house' ? 'pressureInjuriesInHouse' : 'pressureInjuriesOnAdmission'] += 1;
  }

  async measureVitalSigns(resident) {
    await this.one('nurse', resident.wing).post('/api/records', {
      formKey: 'vital-signs',
      residentId: resident.id,
      data: vitalSignsData(this.random, resident.vitals, this.clock, resident.diabetic),
    });
    this.stats.vitalSigns += 1;
  }

  async recordDailyLife(resident) {
    await this.one('nurse', resident.wing).post('/api/records', {
      formKey: 'daily-life',
      residentId: resident.id,
      data: dailyLifeData(this.random, resident.frailty, localDate(this.clock), this.random.chance(0.12)),
    });
    this.stats.dailyLife += 1;
  }

  /** Today's falls, pressure injuries, vital signs, daily-life notes and family visits to the portal. */
  planCare(today, inResidence) {
    const weekday = new Date(today + 8 * HOUR).getUTCDay();
    const dayNumber = Math.round(today / DAY);
    for (const resident of inResidence) {
      const when = (fromHour, toHour) => at(today, this.random.int(fromHour, toHour), this.random.int(0, 59));
      const ifIn = (run) => () => (resident.status === 'admitted' ? run() : Promise.resolve());
      if (this.random.chance(fallChance(resident.frailty))) {
        // The report is written within the hour or two after the fall.
        const time = at(today, this.random.weighted(FALL_HOURS), this.random.int(0, 59)) + HOUR;
        this.schedule(
          time,
          `fall (${resident.name})`,
          ifIn(() => this.reportFall(resident)),
        );
      }
      if (this.random.chance(pressureInjuryChance(resident.frailty))) {
        this.schedule(
          when(8, 16),
          `pressure injury (${resident.name})`,
          ifIn(() => this.reportPressureInjury(resident, 'in-house')),
        );
      }
      if (resident.vitalSigns && vitalSignDays(resident.bedKey).includes(weekday)) {
        this.schedule(
          when(8, 9),
          `vital signs (${resident.name})`,
          ifIn(() => this.measureVitalSigns(resident)),
        );
      }
      if (resident.dailyLife && (dayNumber + resident.bedKey) % 3 === 0) {
        this.schedule(
          when(19, 20),
          `daily life (${resident.name})`,
          ifIn(() => this.recordDailyLife(resident)),
        );
      }
      for (const member of resident.portal) {
        if (member.userId && this.random.chance(portalChance(member.daysPerMonth))) {
          const hour = this.random.weighted([
            [19, 3],
            [20, 4],
            [21, 3],
          ]);
          this.schedule(
            at(today, hour, this.random.int(0, 59)),
            `family portal (${member.username})`,
            ifIn(() => this.readPortal(resident, member)),
          );
        }
      }
    }
  }

  // ---- onboarding --------------------------------------------------------------------------------

  /**
   * The 30-day onboarding of a new admission. The bundle's admission rule started it in the admission's own
   * transaction (no steward named: the calls are offered to the wing's stewards, and this resident's steward takes
   * them); on a server without the rule (disabled, or an older bundle) it is started here, naming the steward.
   */
  async startOnboarding(resident) {
    const running = await this.admin.get(
      `/api/process-instances?processKey=onboarding-30day&residentId=${encodeURIComponent(resident.id)}`,
    );
    const started =
      running[0] ??
      (await this.one('front-desk').post('/api/processes/onboarding-30day/instances', {
        residentId: resident.id,
        businessKey: `ONB-${localDate(resident.admittedDay)}-${resident.id.slice(0, 8)}`,
        variables: {
          residentId: resident.id,
          admissionDate: localDate(resident.admittedDay),
          stewardUsername: resident.steward.user.username,
        },
      }));
    resident.onboarding = started.id;
    resident.onboardingUntil = resident.admittedDay + 40 * DAY;
    this.stats.onboardingStarted += 1;
    this.scheduleCall(resident, 0, 0);
  }

  /**
   * Pauses the onboarding bundle's admission rule while the residents who lived here before the period are
   * entered (they are not new admissions: no onboarding for them); resolves with the function that resumes it.
   */
  async pauseAdmissionRule() {
    const rules = await this.admin.get('/api/rules');
    const rule = rules.find((r) => r.key === ADMISSION_RULE && r.enabled);
    if (!rule) {
      return async () => {};
    }
    await this.admin.post(`/api/rules/${rule.id}/disable`);
    return async () => {
      await this.admin.post(`/api/rules/${rule.id}/enable`);
    };
  }

  scheduleCall(resident, index, previousDoneAt) {
    const day = CALL_DAYS[index];
    const planned = plannedCallTime(this.random, resident.admittedDay, day);
    const time = Math.max(
      planned,
      previousDoneAt + 30 * MINUTE,
      callOpensAt(resident.admittedDay, day) + 30 * MINUTE,
    );
    this.schedule(
      time,
      `onboarding call day ${day} (${resident.name})`,
      async () => {
        if (resident.status !== 'admitted') {
          return;
        }
        const data = callNotes(this.random, resident, day, this.clock);
        await resident.steward.session.completeTask(resident.onboarding, `callDay${day}`, data);
        resident.lastAdaptation = data.adaptation;
        this.stats.onboardingCalls += 1;
        if (this.clock >= resident.admittedDay + (day + 1) * DAY) {
          this.stats.onboardingCallsLate += 1;
        }
        if (index + 1 < CALL_DAYS.length) {
          this.scheduleCall(resident, index + 1, this.clock);
        } else {
          this.schedule(
            this.clock + plannedSummaryDelay(this.random),
            `onboarding summary (${resident.name})`,
            async () => {
              await resident.steward.session.completeTask(
                resident.onboarding,
                'summary',
                summaryData(this.random, resident.lastAdaptation, localDate(this.clock)),
              );
              this.stats.onboardingSummaries += 1;
            },
            true,
          );
        }
      },
      true,
    );
  }

  // ---- complaints --------------------------------------------------------------------------------

  handler(type, resident) {
    const role = HANDLER_ROLE[type];
    if (role === 'admin') {
      return this.one('admin');
    }
    return role === 'head-nurse' ? this.one('head-nurse', resident.wing) : this.one(role);
  }

  /**
   * Completes a work-order step as its department's user. The server lets only some roles fill forms
   * (logistics may not, although the template routes meals, cleaning and facilities to it): when the
   * department's user is refused for that reason, the director (an administrator) completes it.
   */
  async completeAsHandler(handler, instanceId, elementId, data) {
    try {
      await handler.completeTask(instanceId, elementId, data);
    } catch (error) {
      if (error.status !== 403 || !/forms/i.test(error.message)) {
        throw error;
      }
      await this.one('admin').completeTask(instanceId, elementId, data);
      this.stats.completedByDirector += 1;
    }
  }

  async fileComplaint(resident) {
    const plan = planComplaint(this.random, this.people, resident, this.clock);
    // filed as the front desk files one: intake record, process and work order in one call
    const started = await this.one('front-desk').post('/api/work-orders', {
      residentId: resident.id,
      data: plan.intake,
    });
    this.stats.complaints += 1;
    this.scheduleRound(resident, plan, started.id, 0, this.clock);
  }

  scheduleRound(resident, plan, instanceId, index, from) {
    const round = plan.rounds[index];
    const handler = this.handler(plan.type, resident);
    const name = `complaint ${instanceId.slice(0, 8)} (${plan.type})`;
    this.schedule(
      from + round.firstResponseAfter,
      `${name}: first response`,
      async () => {
        const startedAt = this.clock;
        await this.completeAsHandler(handler, instanceId, 'firstResponse', {
          respondedAt: iso(this.clock),
          contactMethod: plan.intake.complainantPhone ? 'phone' : 'in-person',
          complainantReached: true,
          immediateAction: '已致电/当面安抚，说明处理安排。',
          plannedResolution: localDate(this.clock + Math.max(round.resolveAfter, HOUR)),
        });
        this.stats.firstResponses += 1;
        if (round.firstResponseAfter > HOUR) {
          this.stats.firstResponsesLate += 1;
        }
        this.schedule(
          startedAt + round.resolveAfter,
          `${name}: resolution`,
          async () => {
            await this.completeAsHandler(handler, instanceId, 'resolve', {
              resolvedAt: iso(this.clock),
              substantiated: round.substantiated,
              rootCause: round.rootCause,
              findings: '已核实情况，与相关人员沟通。',
              actionsTaken: round.actionsTaken,
              complainantInformed: true,
            });
            this.stats.resolutions += 1;
            this.schedule(
              this.clock + round.callbackAfter,
              `${name}: callback`,
              async () => {
                await resident.steward.session.completeTask(instanceId, 'callback', {
                  calledAt: iso(this.clock),
                  ...round.callback,
                });
                this.stats.callbacks += 1;
                if (index + 1 < plan.rounds.length) {
                  this.stats.reopened += 1;
                  this.scheduleRound(resident, plan, instanceId, index + 1, this.clock);
                }
              },
              true,
            );
          },
          true,
        );
      },
      true,
    );
  }

  // ---- the days ----------------------------------------------------------------------------------

  /** Someone who lived here before the period: assessed within the first quarter; the archive keeps the real admission date. */
  settle(resident, today) {
    resident.nextAssessment = today + this.random.int(0, 89) * DAY;
    resident.archiveAdmissionDate = localDate(today - this.random.int(60, 6 * 365) * DAY);
  }

  /** Day 0: the home as it was a year ago: ~90 % of the beds taken, assessments spread over a quarter. */
  async populate(today) {
    const target = Math.round(this.beds * 0.9) - this.residents.length;
    const free = this.random.sample(this.freeBeds(), Math.max(0, target));
    for (const resident of this.residents) {
      this.settle(resident, today);
    }
    await this.setClock(at(today, 8));
    const welcome = (resident) => {
      const start = currentTermStart(resident.archiveAdmissionDate, localDate(today));
      return this.welcome(resident, start, start === resident.archiveAdmissionDate ? 'new' : 'renewal');
    };
    const adopted = this.residents.map((resident) => {
      const random = this.random.child();
      return () =>
        withRandom(random, () => this.attempt(`welcome ${resident.name}`, () => welcome(resident)));
    });
    const admissions = free.map(({ wing, bed }) => {
      const random = this.random.child();
      this.residentSeq += 1;
      const number = this.residentSeq;
      return () =>
        withRandom(random, () =>
          this.attempt(`admit resident in ${wing.name} ${bed.room}-${bed.bed}`, async () => {
            const resident = await this.admit(wing, bed, today, number);
            this.settle(resident, today);
            await welcome(resident);
          }),
        );
    });
    const resumeAdmissionRule = await this.pauseAdmissionRule();
    try {
      await inParallel([...adopted, ...admissions], this.concurrency);
    } finally {
      await resumeAdmissionRule();
    }
    this.stats.residentsAtStart = this.residents.filter((r) => r.id).length;
  }

  /** Schedules what happens today: admissions, departures, complaints and the assessments due. */
  planDay(today) {
    const daily = (kind) => Math.max((RATES[kind] * this.beds) / 300, MONTHLY_FLOOR[kind]) / 30;
    // In bed order, so that the seed alone decides who is picked (actions finish in any order).
    const inResidence = this.residents
      .filter((r) => r.status === 'admitted' && r.id)
      .sort((a, b) => a.bedKey - b.bedKey);
    // Admissions, each followed by the archive, the scales and the 30-day onboarding.
    // A few beds stay free (turnover, cleaning, the waiting list's next move-in): at most ~97 % occupancy.
    const free = this.freeBeds();
    const open = Math.max(0, free.length - Math.floor(this.beds * 0.03));
    const admissions = Math.min(this.random.poisson(daily('admissions')), open);
    for (const { wing, bed } of this.random.sample(free, admissions)) {
      this.residentSeq += 1;
      const number = this.residentSeq;
      this.schedule(
        at(today, this.random.int(9, 15), this.random.int(0, 59)),
        `admission in ${wing.name}`,
        async () => {
          const resident = await this.admit(wing, bed, today, number);
          this.stats.admissions += 1;
          await Promise.all([
            this.startOnboarding(resident),
            this.welcome(resident, localDate(today), 'new'),
          ]);
          resident.nextAssessment = today + this.random.int(80, 100) * DAY;
          this.schedule(this.clock + 2 * HOUR, `admission assessment (${resident.name})`, async () => {
            await this.assess(resident, this.clock);
            // Some arrive with a pressure injury from hospital or home, found at the admission check.
            if (this.random.chance(0.02 + 0.08 * resident.frailty)) {
              await this.reportPressureInjury(resident, 'on-admission');
            }
          });
        },
      );
    }
    // Contracts ending today: renewed or not (then the resident leaves) at the front desk in the morning.
    for (const resident of inResidence) {
      if (resident.contract && resident.contract.endDay === today) {
        resident.termEnding = true;
        this.schedule(
          at(today, this.random.int(9, 11), this.random.int(0, 59)),
          `end of contract term (${resident.name})`,
          () => this.endOfTerm(resident),
        );
      }
    }
    // Departures: deaths weighted towards the frailest; discharges among those past onboarding.
    const departures = this.random.poisson(daily('departures'));
    const candidates = inResidence.filter((r) => r.onboardingUntil < today && !r.termEnding);
    for (let i = 0; i < departures && candidates.length > 0; i += 1) {
      const died = this.random.chance(0.4);
      if (!died && this.random.chance(0.6)) {
        // Most discharges now come at the end of a contract term (endOfTerm): ~40 % stay mid-term.
        continue;
      }
      const resident = died
        ? this.random.weighted(candidates.map((r) => [r, r.frailty ** 3]))
        : this.random.pick(candidates);
      candidates.splice(candidates.indexOf(resident), 1);
      resident.status = 'leaving';
      this.schedule(
        at(today, this.random.int(10, 16), this.random.int(0, 59)),
        `departure (${resident.name})`,
        () => this.depart(resident, died),
      );
    }
    // Complaints about residents in residence, mostly during the day.
    const complaints = this.random.poisson(daily('complaints'));
    for (let i = 0; i < complaints && inResidence.length > 0; i += 1) {
      const resident = this.random.pick(inResidence);
      const hour = this.random.weighted([
        [8, 2],
        [9, 3],
        [10, 4],
        [11, 4],
        [12, 3],
        [13, 2],
        [14, 3],
        [15, 3],
        [16, 3],
        [17, 3],
        [18, 3],
        [19, 2],
      ]);
      this.schedule(at(today, hour, this.random.int(0, 59)), `complaint (${resident.name})`, () =>
        resident.status === 'admitted' ? this.fileComplaint(resident) : Promise.resolve(),
      );
    }
    this.stats.residentDays += inResidence.length;
    this.planCare(today, inResidence);
    // Periodic assessments (and the archive on the first one).
    for (const resident of inResidence) {
      if (resident.nextAssessment >= today && resident.nextAssessment < today + DAY) {
        resident.nextAssessment = today + this.random.int(80, 100) * DAY;
        this.schedule(
          at(today, this.random.int(9, 16), this.random.int(0, 59)),
          `assessment (${resident.name})`,
          () => (resident.status === 'admitted' ? this.assess(resident, this.clock) : Promise.resolve()),
        );
      }
    }
  }

  /**
   * Runs one day's events in time order. The clock is set to the earliest pending event, and the events
   * of the next two hours run with it as one concurrent batch (the clock is not moved for each of them);
   * actions schedule their follow-ups, which may fall later the same day.
   */
  async runDay(today) {
    const end = today + DAY;
    let moved = false;
    for (;;) {
      const due = this.events.filter((e) => e.time < end);
      if (due.length === 0) {
        break;
      }
      const first = Math.min(...due.map((e) => e.time));
      const batch = due.filter((e) => (e.exact ? e.time <= first : e.time < first + BATCH_WINDOW));
      this.events = this.events.filter((e) => !batch.includes(e));
      await this.setClock(first);
      moved = true;
      await inParallel(
        batch.map((event) => () => withRandom(event.random, () => this.attempt(event.label, event.run))),
        this.concurrency,
      );
    }
    if (!moved) {
      // A quiet day: still let the day's timers (reminders, escalations) fire in the evening.
      await this.setClock(at(today, 18));
    }
  }

  /** The whole period: day 0 populates, each later day plans and runs; progress once per month. */
  async run(firstDay, days) {
    const started = Date.now();
    let monthStarted = Date.now();
    let monthRequests = this.api.requests;
    await this.populate(firstDay);
    this.log(`  ${localDate(firstDay)}: ${this.stats.residentsAtStart} residents in residence`);
    for (let d = 0; d < days; d += 1) {
      const today = firstDay + d * DAY;
      this.planDay(today);
      await this.runDay(today);
      const tomorrow = today + DAY;
      if (d === days - 1 || localMonth(tomorrow) !== localMonth(today)) {
        const inResidence = this.residents.filter((r) => r.status === 'admitted').length;
        const seconds = ((Date.now() - monthStarted) / 1000).toFixed(0);
        this.log(
          `  ${localMonth(today)}  residents ${String(inResidence).padStart(4)}/${this.beds}  admitted ${this.stats.admissions}  left ${this.stats.discharged + this.stats.deceased}  complaints ${this.stats.complaints}  onboarding calls ${this.stats.onboardingCalls}  assessments ${this.stats.assessments}  requests ${this.api.requests - monthRequests}  failed ${this.api.failures.length}  ${seconds}s`,
        );
        monthStarted = Date.now();
        monthRequests = this.api.requests;
      }
    }
    this.stats.familyReadRoute =
      this.portalRoute === 'resident' ? '/api/residents/{id}' : this.portalRoute && '/api/portal/home';
    this.stats.familyActiveByMonth = Object.fromEntries(
      [...this.familyActive].map(([month, users]) => [month, users.size]),
    );
    return { seconds: (Date.now() - started) / 1000, pending: this.events.length };
  }
}

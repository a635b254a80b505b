import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';

describe('gateways', () => {
  describe('exclusive', () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:exclusiveGateway id="route" default="fOther" />
       <bpmn:userTask id="food" /><bpmn:userTask id="care" /><bpmn:userTask id="other" />
       <bpmn:endEvent id="end" />
       ${flow('f0', 'start', 'route')}
       ${flow('fFood', 'route', 'food', '{"==":[{"var":"type"},"food"]}')}
       ${flow('fCare', 'route', 'care', '${isCare}')}
       ${flow('fOther', 'route', 'other')}
       ${flow('f1', 'food', 'end')}${flow('f2', 'care', 'end')}${flow('f3', 'other', 'end')}`,
    );

    it('should take the first flow whose condition holds when routing', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start({ type: 'food', isCare: true });
      expect(driver.openTasks()).toHaveLength(1);
      expect(driver.openTasks('food')).toHaveLength(1);
    });

    it('should take the ${var} condition when JSON Logic conditions fail', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start({ type: 'x', isCare: true });
      expect(driver.openTasks('care')).toHaveLength(1);
    });

    it('should take the default flow when no condition holds', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start({ type: 'x' });
      expect(driver.openTasks('other')).toHaveLength(1);
    });

    it('should raise an incident instead of a default path when a condition fails to evaluate', async () => {
      // given a condition with an invalid date argument at runtime
      const failing = bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:exclusiveGateway id="route" default="fB" />
         <bpmn:userTask id="a" /><bpmn:userTask id="b" />
         ${flow('f0', 'start', 'route')}
         ${flow('fA', 'route', 'a', '{">":[{"days_between":[{"var":"d"},"2026-01-01"]},3]}')}
         ${flow('fB', 'route', 'b')}`,
      );
      const driver = new Driver(await deployOne(failing));
      // when
      const effects = driver.start({ d: 'not a date' });
      // then
      const [incident] = effectsOf(effects, 'incident');
      expect(incident?.elementId).toBe('route');
      expect(driver.state?.status).toBe('incident');
      expect(driver.openTasks()).toEqual([]);
      expect(driver.state?.tokens.map((t) => t.elementId)).toEqual(['route']);
      // and a retry after fixing nothing raises the incident again
      const retried = driver.step({ type: 'retry', incidentId: incident?.incidentId ?? '' });
      expect(effectsOf(retried, 'incident')).toHaveLength(1);
    });
  });

  describe('parallel', () => {
    it('should wait for every incoming flow when joining', async () => {
      const xml = bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="split" />
         <bpmn:userTask id="a" /><bpmn:userTask id="b" /><bpmn:userTask id="c" />
         <bpmn:parallelGateway id="join" />
         <bpmn:userTask id="after" />
         ${flow('f0', 'start', 'split')}${flow('fa', 'split', 'a')}${flow('fb', 'split', 'b')}${flow('fc', 'split', 'c')}
         ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('jc', 'c', 'join')}${flow('f9', 'join', 'after')}`,
      );
      const driver = new Driver(await deployOne(xml));
      driver.start();
      expect(driver.openTasks()).toHaveLength(3);
      driver.completeTask('a');
      driver.completeTask('c');
      expect(driver.openTasks('after')).toEqual([]);
      driver.completeTask('b');
      expect(driver.openTasks()).toHaveLength(1);
      expect(driver.openTasks('after')).toHaveLength(1);
      expect(driver.state?.tokens).toHaveLength(1);
    });
  });

  describe('inclusive', () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:inclusiveGateway id="split" default="fNone" />
       <bpmn:userTask id="doctor" /><bpmn:userTask id="nurse" /><bpmn:task id="none" />
       <bpmn:inclusiveGateway id="join" />
       <bpmn:userTask id="after" />
       ${flow('f0', 'start', 'split')}
       ${flow('fDoc', 'split', 'doctor', '${needsDoctor}')}
       ${flow('fNurse', 'split', 'nurse', '${needsNurse}')}
       ${flow('fNone', 'split', 'none')}
       ${flow('j1', 'doctor', 'join')}${flow('j2', 'nurse', 'join')}${flow('j3', 'none', 'join')}
       ${flow('f9', 'join', 'after')}`,
    );

    it('should activate every true branch and join only them', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start({ needsDoctor: true, needsNurse: true });
      expect(driver.openTasks()).toHaveLength(2);
      driver.completeTask('nurse');
      expect(driver.openTasks('after')).toEqual([]);
      driver.completeTask('doctor');
      expect(driver.openTasks('after')).toHaveLength(1);
    });

    it('should not wait for branches that were not taken', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start({ needsDoctor: false, needsNurse: true });
      expect(driver.openTasks()).toHaveLength(1);
      driver.completeTask('nurse');
      expect(driver.openTasks('after')).toHaveLength(1);
    });

    it('should take the default flow when no condition holds', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start({});
      expect(driver.openTasks('after')).toHaveLength(1);
      expect(driver.entered()).toContain('none');
    });
  });

  describe('loops', () => {
    it('should loop back through an exclusive gateway until the condition holds', async () => {
      const xml = bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:exclusiveGateway id="merge" />
         <bpmn:userTask id="visit" />
         <bpmn:exclusiveGateway id="check" default="again" />
         <bpmn:endEvent id="end" />
         ${flow('f0', 'start', 'merge')}${flow('f1', 'merge', 'visit')}${flow('f2', 'visit', 'check')}
         ${flow('done', 'check', 'end', '{">=":[{"var":"score"},3]}')}
         ${flow('again', 'check', 'merge')}`,
      );
      const driver = new Driver(await deployOne(xml));
      driver.start();
      driver.completeTask('visit', { score: 1 });
      driver.completeTask('visit', { score: 2 });
      expect(driver.openTasks('visit')).toHaveLength(1);
      driver.completeTask('visit', { score: 3 });
      expect(driver.state?.status).toBe('completed');
      expect(driver.entered().filter((id) => id === 'visit')).toHaveLength(3);
    });
  });

  describe('event-based', () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:eventBasedGateway id="race" />
       <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
       <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
       <bpmn:userTask id="thank" /><bpmn:userTask id="chase" />
       ${flow('f0', 'start', 'race')}${flow('f1', 'race', 'reply')}${flow('f2', 'race', 'timeout')}
       ${flow('f3', 'reply', 'thank')}${flow('f4', 'timeout', 'chase')}`,
      '<bpmn:message id="m" name="family-reply" />',
    );

    it('should take the message path and cancel the timer when the message comes first', async () => {
      const driver = new Driver(await deployOne(xml));
      const started = driver.start();
      expect(effectsOf(started, 'schedule-timer')[0]?.dueAt).toBe('2026-01-03T00:00:00.000Z');
      expect(effectsOf(started, 'subscribe-message')[0]?.messageName).toBe('family-reply');
      const effects = driver.correlate('reply', { answer: 'ok' });
      expect(effectsOf(effects, 'cancel-timer')).toHaveLength(1);
      expect(driver.openTasks('thank')).toHaveLength(1);
      expect(driver.state?.variables).toEqual({ answer: 'ok' });
      expect(driver.state?.subscriptions).toEqual([]);
    });

    it('should take the timer path and unsubscribe the message when the timer fires first', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start();
      const effects = driver.fireTimer('timeout');
      expect(effectsOf(effects, 'unsubscribe-message')).toHaveLength(1);
      expect(driver.openTasks('chase')).toHaveLength(1);
      expect(driver.entered()).toEqual(['start', 'race', 'timeout', 'chase']);
    });
  });
});

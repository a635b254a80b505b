import { describe, expect, it } from '@jest/globals';
import { deployBpmn } from '@careloom/engine';
import { defaultProcessKey, keyAfterRename, newProcessXml } from './process-key.util.js';

describe(keyAfterRename.name, () => {
  it('should suggest the key from the English name when the key was not typed by hand', () => {
    // given a new process whose key nobody typed / when it is named / then
    expect(keyAfterRename('Fall incident (night)', 'process-20261128-0945', false)).toBe(
      'fall-incident-night',
    );
    expect(keyAfterRename('跌倒事件 Fall incident', 'process-20261128-0945', false)).toBe('fall-incident');
  });

  it('should keep the key when it was typed by hand, the name has no usable letters, or nothing changes', () => {
    expect(keyAfterRename('Fall incident', 'my-key', true)).toBeNull();
    expect(keyAfterRename('跌倒事件', 'process-20261128-0945', false)).toBeNull();
    expect(keyAfterRename('Fall incident', 'fall-incident', false)).toBeNull();
  });
});

describe(defaultProcessKey.name, () => {
  it('should stamp the key with the local date and minute when a new process is opened', () => {
    expect(defaultProcessKey(new Date(2026, 10, 28, 9, 5))).toBe('process-20261128-0905');
  });
});

describe(newProcessXml.name, () => {
  it('should give a start → task → end process under the key that the engine deploys', async () => {
    // given / when
    const xml = newProcessXml('process-20261128-0905');

    // then the process and its diagram plane carry the key, and the engine accepts it
    expect(xml).toContain('bpmnElement="process-20261128-0905"');
    const result = await deployBpmn(xml);
    expect(result.ok).toBe(true);
    expect(result.ok && result.processes.map((process) => process.id)).toEqual(['process-20261128-0905']);
  });
});

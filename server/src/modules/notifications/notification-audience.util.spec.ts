import { describe, expect, it } from '@jest/globals';
import type { Actor, ActorRole } from '../../common/auth/actor.types.js';
import { notificationAudience } from './notification-audience.util.js';

const actor = (roles: ActorRole[]): Actor => ({
  userId: 'u1',
  tenantId: 't1',
  username: 'someone',
  displayName: 'Someone',
  roles,
  sessionId: 's1',
  ip: null,
  requestId: null,
});

describe(notificationAudience.name, () => {
  it('should pair each membership role with a prefix of its unit path when the actor holds several', () => {
    // given a steward of wing A who is also a nurse of wing B
    const stewardAndNurse = actor([
      { role: 'steward', orgUnitId: 'a', orgUnitPath: '/root/a/' },
      { role: 'nurse', orgUnitId: 'b', orgUnitPath: '/root/b/' },
    ]);
    // when
    const { params } = notificationAudience(stewardAndNurse);
    // then
    expect(params).toEqual({
      audienceUserId: 'u1',
      audienceRoles: ['steward', 'nurse'],
      audienceMemberRoles: ['steward', 'nurse'],
      audienceMemberPaths: ['/root/a/%', '/root/b/%'],
    });
  });

  it('should list a role once but keep every unit when the role is held at two units', () => {
    // given
    const twoWings = actor([
      { role: 'steward', orgUnitId: 'a', orgUnitPath: '/root/a/' },
      { role: 'steward', orgUnitId: 'b', orgUnitPath: '/root/b/' },
    ]);
    // when
    const { params } = notificationAudience(twoWings);
    // then
    expect(params.audienceRoles).toEqual(['steward']);
    expect(params.audienceMemberPaths).toEqual(['/root/a/%', '/root/b/%']);
  });

  it('should cover the whole tenant when the membership is admin', () => {
    // given an admin placed at a wing
    const admin = actor([{ role: 'admin', orgUnitId: 'a', orgUnitPath: '/root/a/' }]);
    // when
    const { params } = notificationAudience(admin);
    // then
    expect(params.audienceMemberPaths).toEqual(['%']);
  });

  it('should escape LIKE wildcards when a path contains them', () => {
    // given
    const odd = actor([{ role: 'steward', orgUnitId: 'x', orgUnitPath: '/root/x_%/' }]);
    // when
    const { params } = notificationAudience(odd);
    // then
    expect(params.audienceMemberPaths).toEqual(['/root/x\\_\\%/%']);
  });
});

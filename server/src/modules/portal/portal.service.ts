import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isAdmin, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService } from '../forms/forms.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgUnitsService } from '../org-units/org-units.service.js';
import { RecordsService } from '../records/records.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import type { ResidentRow } from '../residents/residents.repository.js';
import { roleNamesZh } from '../users/roles.constants.js';
import type { NoticeCategory } from './portal-notice.entity.js';
import { InvalidNoticeError, NoticeAlreadyPublishedError } from './portal.errors.js';
import { PortalRepository, type NoticeRow } from './portal.repository.js';
import { summarizeRecord, type SummaryLine } from './update-summary.util.js';

/** How much of a notice's text its notification carries (the rest is one tap away). */
const NOTIFICATION_BODY = 140;

/** Who writes and publishes notices and bills for families. */
export const NOTICE_MANAGERS = ['admin', 'front-desk', 'steward'] as const;
/** Shared updates per resident on the portal's home page. */
export const HOME_UPDATES = 3;
export const HOME_NOTICES = 5;

export type PortalUpdate = {
  recordId: string;
  formKey: string;
  formName: string;
  createdAt: Date;
  createdByName: string | null;
  summary: string;
  lines: SummaryLine[];
};
export type PortalResident = ResidentRow & { relationship: string; updates: PortalUpdate[] };
export type NoticeInput = {
  category: NoticeCategory;
  title: string;
  body: string;
  orgUnitId?: string | null;
  residentId?: string | null;
  amountFen?: number | null;
};

@Injectable()
export class PortalService {
  constructor(
    private readonly repository: PortalRepository,
    private readonly transactions: Transactions,
    private readonly residents: ResidentsService,
    private readonly records: RecordsService,
    private readonly forms: FormsService,
    private readonly orgUnits: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The family member's start page: each linked resident with the latest shared updates, and notices. */
  async home(
    actor: Actor,
    locale: RequestLocale,
  ): Promise<{ residents: PortalResident[]; notices: NoticeRow[] }> {
    const linked = await this.residents.linkedToMe(actor);
    const residents: PortalResident[] = [];
    for (const resident of linked) {
      const { items } = await this.updates(actor, resident.id, { limit: HOME_UPDATES }, locale, linked);
      residents.push(Object.assign(resident, { updates: items }));
    }
    const { items: notices } = await this.repository.page(this.transactions.manager, actor, 'family', {
      page: 1,
      pageSize: HOME_NOTICES,
    });
    return { residents, notices };
  }

  /**
   * A linked resident's shared updates, newest first, `limit` at a time before `before`. Another
   * resident is "not found", whether it exists or not.
   */
  async updates(
    actor: Actor,
    residentId: string,
    paging: { limit: number; before?: string },
    locale: RequestLocale,
    linked?: { id: string }[],
  ): Promise<{ items: PortalUpdate[]; nextBefore: string | null }> {
    const mine = linked ?? (await this.residents.linkedToMe(actor));
    if (!mine.some((resident) => resident.id === residentId)) {
      throw new NotFoundError('Resident', residentId);
    }
    const { items } = await this.records.list(actor, {
      residentId,
      familyShared: true,
      ...(paging.before ? { to: paging.before } : {}),
      sort: '-createdAt',
      page: 1,
      pageSize: paging.limit,
    });
    const manager = this.transactions.manager;
    const updates: PortalUpdate[] = [];
    for (const record of items) {
      const form = await this.forms.publishedVersion(
        manager,
        actor.tenantId,
        record.formId,
        record.formVersion,
      );
      const { lines, text } = summarizeRecord(form.version.schema, record.data, locale);
      updates.push({
        recordId: record.id,
        formKey: record.formKey,
        formName: form.form.name[locale] || form.form.name['zh-CN'],
        createdAt: record.createdAt,
        createdByName: record.createdByName,
        summary: text,
        lines,
      });
    }
    const last = items[items.length - 1];
    return {
      items: updates,
      nextBefore: last && items.length === paging.limit ? last.createdAt.toISOString() : null,
    };
  }

  /** Family members: the published notices for them. Notice managers: every notice in their scope, drafts first. */
  notices(
    actor: Actor,
    paging: { page: number; pageSize: number },
  ): Promise<{ items: NoticeRow[]; total: number }> {
    if (isFamilyOnly(actor)) {
      return this.repository.page(this.transactions.manager, actor, 'family', paging);
    }
    this.assertManager(actor);
    return this.repository.page(this.transactions.manager, actor, 'staff', paging);
  }

  createNotice(actor: Actor, input: NoticeInput): Promise<NoticeRow> {
    this.assertManager(actor);
    return this.transactions.run(async (manager) => {
      const target = await this.checkNotice(manager, actor, {
        category: input.category,
        orgUnitId: input.orgUnitId ?? null,
        residentId: input.residentId ?? null,
        amountFen: input.amountFen ?? null,
      });
      const now = this.clock.now();
      const notice = await this.repository.insert(manager, {
        tenantId: actor.tenantId,
        category: input.category,
        title: input.title,
        body: input.body,
        orgUnitId: input.orgUnitId ?? null,
        residentId: input.residentId ?? null,
        amountFen: input.category === 'bill' ? (input.amountFen ?? null) : null,
        currency: input.category === 'bill' ? 'CNY' : null,
        publishedAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      return Object.assign(notice, target);
    });
  }

  /** Changes a draft; a published notice stays as families read it. */
  updateNotice(actor: Actor, id: string, change: Partial<NoticeInput>): Promise<NoticeRow> {
    this.assertManager(actor);
    return this.transactions.run(async (manager) => {
      const notice = await this.findForStaff(manager, actor, id);
      if (notice.publishedAt) {
        throw new NoticeAlreadyPublishedError();
      }
      const next = {
        category: change.category ?? notice.category,
        title: change.title ?? notice.title,
        body: change.body ?? notice.body,
        orgUnitId: change.orgUnitId !== undefined ? change.orgUnitId : notice.orgUnitId,
        residentId: change.residentId !== undefined ? change.residentId : notice.residentId,
        amountFen: change.amountFen !== undefined ? change.amountFen : notice.amountFen,
      };
      const target = await this.checkNotice(manager, actor, next);
      Object.assign(notice, next, target, {
        amountFen: next.category === 'bill' ? next.amountFen : null,
        currency: next.category === 'bill' ? 'CNY' : null,
        updatedAt: this.clock.now(),
      });
      await this.repository.save(manager, notice);
      return notice;
    });
  }

  /** Publishes a draft: from now on the families it is for see it. Audited. */
  publishNotice(actor: Actor, id: string): Promise<NoticeRow> {
    this.assertManager(actor);
    return this.transactions.run(async (manager) => {
      const notice = await this.findForStaff(manager, actor, id);
      if (notice.publishedAt) {
        throw new NoticeAlreadyPublishedError();
      }
      notice.publishedAt = this.clock.now();
      notice.updatedAt = notice.publishedAt;
      await this.repository.save(manager, notice);
      await this.audit.record(manager, actor, {
        action: 'portal-notice.published',
        entityType: 'portal-notice',
        entityId: notice.id,
        details: {
          category: notice.category,
          title: notice.title,
          residentId: notice.residentId,
          orgUnitId: notice.orgUnitId,
          amountFen: notice.amountFen,
        },
      });
      // the families it is for hear of it in the same transaction: published means told
      const readers = await this.repository.familyReaders(manager, notice);
      await this.notifications.notifyUsers(manager, actor.tenantId, readers, {
        title: `${notice.category === 'bill' ? '新账单 · New bill' : '新通知 · New notice'}: ${notice.title}`,
        body:
          notice.body.length > NOTIFICATION_BODY
            ? `${notice.body.slice(0, NOTIFICATION_BODY - 1)}…`
            : notice.body,
        payload: { noticeId: notice.id, href: '/portal/notices' },
      });
      return notice;
    });
  }

  private assertManager(actor: Actor): void {
    if (!hasRole(actor, NOTICE_MANAGERS)) {
      throw new ForbiddenError(
        `Writing notices for families needs one of: ${NOTICE_MANAGERS.join(', ')}.`,
        `给家属发布公告需要以下角色之一：${roleNamesZh(NOTICE_MANAGERS)}。`,
      );
    }
  }

  private async findForStaff(manager: EntityManager, actor: Actor, id: string): Promise<NoticeRow> {
    const notice = await this.repository.findForStaff(manager, actor, id, true);
    if (!notice) {
      throw new NotFoundError('Notice', id);
    }
    return notice;
  }

  /**
   * The rules a notice's target and amount follow, with a pointer for each: a bill has an amount and
   * nothing else has; a personal notice names no org unit (it goes where the resident lives); the
   * resident or unit must be in the writer's scope; only administrators write to the whole home.
   */
  private async checkNotice(
    manager: EntityManager,
    actor: Actor,
    notice: {
      category: NoticeCategory;
      orgUnitId: string | null;
      residentId: string | null;
      amountFen: number | null;
    },
  ): Promise<{ orgUnitName: string | null; residentName: string | null }> {
    if (notice.category === 'bill' && notice.amountFen === null) {
      throw new InvalidNoticeError(
        '/amountFen',
        'A bill needs its amount: amountFen in fen (1/100 yuan).',
        '账单需要填写金额：amountFen，以分计（1/100 元）。',
      );
    }
    if (notice.category !== 'bill' && notice.amountFen !== null) {
      throw new InvalidNoticeError(
        '/amountFen',
        'Only bills carry an amount: leave amountFen empty or choose category bill.',
        '只有账单才有金额：请清空金额，或把类别选为账单。',
      );
    }
    if (notice.residentId && notice.orgUnitId) {
      throw new InvalidNoticeError(
        '/orgUnitId',
        "A personal notice goes to the resident's family: leave orgUnitId empty when residentId is set.",
        '个人公告发给长者的家属：选了长者时请不要再选组织单元。',
      );
    }
    if (notice.residentId) {
      const resident = await this.residents
        .visible(manager, actor, notice.residentId)
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) {
            throw new InvalidNoticeError(
              '/residentId',
              'No resident with this id that you may see.',
              '找不到这位长者，或您无权查看。',
            );
          }
          throw error;
        });
      return { orgUnitName: null, residentName: resident.name };
    }
    if (notice.orgUnitId) {
      const unit = await this.orgUnits
        .get(manager, actor.tenantId, notice.orgUnitId)
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) {
            throw new InvalidNoticeError('/orgUnitId', 'No org unit with this id.', '没有这个组织单元。');
          }
          throw error;
        });
      const inScope =
        isAdmin(actor) ||
        actor.roles.some(
          (r) => NOTICE_MANAGERS.includes(r.role as never) && unit.path.startsWith(r.orgUnitPath),
        );
      if (!inScope) {
        throw new InvalidNoticeError(
          '/orgUnitId',
          'This org unit is outside the units you work in.',
          '这个组织单元不在您工作的范围内。',
        );
      }
      return { orgUnitName: unit.name, residentName: null };
    }
    if (!isAdmin(actor)) {
      throw new InvalidNoticeError(
        '/orgUnitId',
        'Choose an org unit or a resident: only administrators write to the whole home.',
        '请选择一个组织单元或一位长者：只有管理员才能发给全院。',
      );
    }
    return { orgUnitName: null, residentName: null };
  }
}

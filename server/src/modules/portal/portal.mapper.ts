import type { NoticeDto, PortalResidentDto, PortalUpdateDto } from './dto/portal.dto.js';
import type { NoticeRow } from './portal.repository.js';
import type { PortalResident, PortalUpdate } from './portal.service.js';

export function toUpdateDto(u: PortalUpdate): PortalUpdateDto {
  return {
    recordId: u.recordId,
    formKey: u.formKey,
    formName: u.formName,
    createdAt: u.createdAt.toISOString(),
    createdByName: u.createdByName,
    summary: u.summary,
    lines: u.lines,
  };
}

export function toPortalResidentDto(r: PortalResident): PortalResidentDto {
  return {
    id: r.id,
    name: r.name,
    relationship: r.relationship,
    status: r.status,
    orgUnitName: r.orgUnitName,
    room: r.room,
    bed: r.bed,
    careLevel: r.careLevel,
    updates: r.updates.map(toUpdateDto),
  };
}

export function toNoticeDto(n: NoticeRow): NoticeDto {
  return {
    id: n.id,
    category: n.category,
    title: n.title,
    body: n.body,
    amountFen: n.amountFen,
    currency: n.currency === 'CNY' ? 'CNY' : null,
    orgUnitId: n.orgUnitId,
    orgUnitName: n.orgUnitName,
    residentId: n.residentId,
    residentName: n.residentName,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

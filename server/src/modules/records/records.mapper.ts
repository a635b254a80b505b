import type { RecordDto, RevisionDetailDto, RevisionDto } from './dto/record.dto.js';
import type { VisibleRecord, VisibleRevision } from './records.service.js';

export function toRecordDto(r: VisibleRecord): RecordDto {
  return {
    id: r.id,
    formId: r.formId,
    formKey: r.formKey,
    formVersion: r.formVersion,
    residentId: r.residentId,
    data: r.data,
    scores: r.scores,
    revision: r.revision,
    masked: r.masked,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    residentName: r.residentName,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toRevisionDto(r: VisibleRevision): RevisionDto {
  return {
    revision: r.revision,
    action: r.action,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    diff: r.diff,
  };
}

export function toRevisionDetailDto(r: VisibleRevision): RevisionDetailDto {
  return { ...toRevisionDto(r), data: r.data, masked: r.masked };
}

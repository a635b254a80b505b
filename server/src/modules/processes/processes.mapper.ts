import type { IncidentEntity } from '../../process-runtime/incident.entity.js';
import { activeElementIds } from '../../process-runtime/instance-view.util.js';
import type { ProcessHistoryEntity } from '../../process-runtime/process-history.entity.js';
import type { ProcessInstanceEntity } from '../../process-runtime/process-instance.entity.js';
import type { InstanceState } from '../../process-runtime/process-runtime.types.js';
import type { DefinitionSummary } from '../../process-runtime/processes.repository.js';
import type {
  HistoryItemDto,
  IncidentDto,
  ProcessDetailDto,
  ProcessInstanceDto,
  ProcessInstanceSummaryDto,
  ProcessSummaryDto,
} from './dto/process.dto.js';
import type { InstanceDetail, ProcessDetail } from './processes.service.js';

export function toProcessSummaryDto(s: DefinitionSummary): ProcessSummaryDto {
  return { key: s.key, version: s.version, name: s.name, deployedAt: s.deployedAt.toISOString() };
}

export function toProcessDetailDto({ latest, versions }: ProcessDetail): ProcessDetailDto {
  return {
    key: latest.key,
    name: latest.name,
    version: latest.version,
    xml: latest.xml,
    versions: versions.map((v) => ({
      version: v.version,
      name: v.name,
      hash: v.hash,
      deployedAt: v.deployedAt.toISOString(),
      deployedBy: v.deployedBy,
    })),
  };
}

export function toInstanceSummaryDto(i: ProcessInstanceEntity): ProcessInstanceSummaryDto {
  return {
    id: i.id,
    status: i.status,
    processKey: i.processKey,
    version: i.processVersion,
    activeElementIds: activeElementIds(i.state as unknown as InstanceState),
    residentId: i.residentId,
    businessKey: i.businessKey,
    startedBy: i.startedBy,
    parentInstanceId: i.parentInstanceId,
    createdAt: i.createdAt.toISOString(),
    endedAt: i.endedAt?.toISOString() ?? null,
  };
}

export function toHistoryItemDto(h: ProcessHistoryEntity): HistoryItemDto {
  return {
    at: h.at.toISOString(),
    elementId: h.elementId,
    elementType: h.elementType,
    event: h.event,
    tokenId: h.tokenId,
    actor: h.actorName ?? null,
    reason: h.reason ?? null,
    details: h.details ?? null,
  };
}

export function toIncidentDto(i: IncidentEntity): IncidentDto {
  return {
    id: i.id,
    processInstanceId: i.instanceId,
    jobId: i.jobId,
    elementId: i.elementId,
    message: i.message,
    status: i.status,
    createdAt: i.createdAt.toISOString(),
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
  };
}

export function toInstanceDto({
  instance,
  history,
  incidents,
  variables,
}: InstanceDetail): ProcessInstanceDto {
  return {
    ...toInstanceSummaryDto(instance),
    variables,
    history: history.map(toHistoryItemDto),
    incidents: incidents.map(toIncidentDto),
  };
}

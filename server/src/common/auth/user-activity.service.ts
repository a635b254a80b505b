import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../time/clock.js';
import type { Actor } from './actor.types.js';

/** How long a tenant's time zone is trusted before it is read again. */
const ZONE_TTL_MS = 3_600_000;
/** Users remembered at most; past it the memory starts over (a few extra no-op inserts). */
const MAX_SEEN = 100_000;

/**
 * Notes that a user was active today (in the home's time zone) for the `activity` report source. An
 * in-memory "seen today" map sits in front of `INSERT … ON CONFLICT DO NOTHING`, so only a user's first
 * request of the day costs a statement; several server processes simply insert the same row once each.
 */
@Injectable()
export class UserActivityService {
  private readonly logger = new Logger(UserActivityService.name);
  private readonly seen = new Map<string, string>();
  private readonly zones = new Map<
    string,
    { format: Intl.DateTimeFormat; until: number; minute: number; day: string }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Never fails the request: a lost activity row is a smaller harm than a refused call. */
  async note(actor: Pick<Actor, 'userId' | 'tenantId'>): Promise<void> {
    try {
      const day = this.today(actor.tenantId) ?? (await this.readZone(actor.tenantId));
      if (this.seen.get(actor.userId) === day) {
        return;
      }
      await this.dataSource.query(
        'INSERT INTO user_activity (user_id, day, tenant_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [actor.userId, day, actor.tenantId],
      );
      if (this.seen.size >= MAX_SEEN) {
        this.seen.clear();
      }
      this.seen.set(actor.userId, day);
    } catch (error) {
      this.logger.warn(`could not note activity of user ${actor.userId}: ${String(error)}`);
    }
  }

  /**
   * The tenant's date now, while its zone is cached (else undefined). Formatted once per clock minute: zone
   * offsets are whole minutes, so a day never turns inside one (formatting on every request was ~1 % of a
   * record submission's CPU).
   */
  private today(tenantId: string): string | undefined {
    const zone = this.zones.get(tenantId);
    const nowMs = this.clock.now().getTime();
    if (!zone || zone.until <= nowMs) {
      return undefined;
    }
    const minute = Math.floor(nowMs / 60_000);
    if (zone.minute !== minute) {
      zone.minute = minute;
      zone.day = zone.format.format(nowMs);
    }
    return zone.day;
  }

  /** Reads the tenant's zone (kept for an hour) and answers today's date in it. */
  private async readZone(tenantId: string): Promise<string> {
    const rows = await this.dataSource.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM tenant WHERE id = $1',
      [tenantId],
    );
    // en-CA formats as YYYY-MM-DD
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: rows[0]?.time_zone ?? 'Asia/Shanghai' });
    const nowMs = this.clock.now().getTime();
    const day = format.format(nowMs);
    this.zones.set(tenantId, { format, until: nowMs + ZONE_TTL_MS, minute: Math.floor(nowMs / 60_000), day });
    return day;
  }
}

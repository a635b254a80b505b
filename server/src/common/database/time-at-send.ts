/**
 * A timestamp parameter read when its statement goes out to PostgreSQL, not when the statement was built: pg
 * serialises a query's parameters as it sends the query on a connection (after waiting for one from the pool) and
 * calls `toPostgres` on an object parameter then. `value` is that reading (read on first use, never before
 * `earliest`), for the caller once the statement has run.
 *
 * A record submission stamps its record this way: under load it waits for a pooled connection, and stamped before
 * the wait, a submission that came later but found a connection first committed the later time first — the insert's
 * "no later record" guard then sent the earlier one down the slower path (~5 % of the benchmark's submissions).
 */
export class TimeAtSend {
  private reading: Date | null = null;

  constructor(
    private readonly now: () => Date,
    private readonly earliest: Date,
  ) {}

  get value(): Date {
    if (this.reading === null) {
      const now = this.now();
      this.reading = now.getTime() < this.earliest.getTime() ? this.earliest : now;
    }
    return this.reading;
  }

  /** pg's hook for object parameters, called as the statement is sent. */
  toPostgres(): Date {
    return this.value;
  }
}

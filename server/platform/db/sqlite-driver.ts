/**
 * SQLite for Kysely with group commit and a reader connection.
 *
 * With `synchronous = FULL` every COMMIT waits for the disk (one fsync of the WAL), and
 * better-sqlite3 waits on the event loop: one commit per write made the disk, not the work, set the
 * pace. Here every write transaction runs as a savepoint inside one open transaction (the group);
 * once the writes waiting for the connection have run, one COMMIT makes the whole group durable,
 * and only then does each write's `execute()` return. So an acknowledged write still survives a
 * power cut (DESIGN.md §2), and a failed one still leaves nothing (its savepoint is rolled back).
 *
 * Reads outside a transaction go to a second connection, which sees only committed data: nobody
 * reads a write before it is durable, and reads never wait behind the writer. In-memory databases
 * cannot be shared between connections, so there reads take the writer's turn as well.
 *
 * A transaction that touched the group — even one that failed after reading what others wrote —
 * returns only when the group is settled, so no answer rests on data that a failed COMMIT undid.
 */
import type Sqlite from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

const SAVEPOINT = 'redvest_write';

/** First come, first served: the group's COMMIT waits only for the writes queued before it. */
class Turns {
  private busy = false;
  private readonly queue: (() => void)[] = [];

  take(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  give(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.busy = false;
  }
}

/**
 * Prepared statements kept per connection: Kysely prepares every statement afresh, and preparing
 * is a tenth of a write's cost here. Queries are built from fixed shapes, so the same text recurs.
 */
class Statements {
  private readonly cache = new Map<string, Sqlite.Statement>();

  constructor(
    readonly sqlite: Sqlite.Database,
    private readonly max = 500,
  ) {}

  get(sql: string): Sqlite.Statement {
    let statement = this.cache.get(sql);
    if (statement) {
      this.cache.delete(sql); // re-insert: the map's order is the recency order
    } else {
      statement = this.sqlite.prepare(sql);
      if (this.cache.size >= this.max) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(sql, statement);
    return statement;
  }
}

function run(statement: Sqlite.Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** One open transaction of the writer, holding the writes that will commit together. */
interface Group {
  /** Settles when the group is committed (or lost). */
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  afterCommit: (() => void)[];
}

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  done.catch(() => {}); // handled by whoever awaits it; a group nobody awaits must not crash the process
  return { done, resolve, reject, afterCommit: [] };
}

/** What one `acquireConnection` hands out: a borrower of the writer's turn, when it needs one. */
class Lease implements DatabaseConnection {
  holdsTurn = false;
  inTransaction = false;
  /** The groups this lease ran something in: it returns only when they have settled. */
  readonly groups = new Set<Group>();

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as Promise<QueryResult<R>>;
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on SQLite here');
  }
}

export class GroupCommitDriver implements Driver {
  private readonly writer: Statements;
  private readonly reader: Statements | null;
  private readonly turns = new Turns();
  private group: Group | null = null;
  private flushQueued = false;
  /** Groups committed, and the transactions and writes they held: how well commits are shared. */
  readonly stats = { commits: 0, writes: 0 };

  /** `reader`: a second connection on the same file, or null for an in-memory database. */
  constructor(writer: Sqlite.Database, reader: Sqlite.Database | null) {
    this.writer = new Statements(writer);
    this.reader = reader ? new Statements(reader) : null;
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new Lease(this));
  }

  async execute(lease: Lease, query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (lease.inTransaction) return this.onWriter(lease, () => run(this.writer.get(query.sql), query.parameters));
    // A lease that wrote into the open group reads its own writes, which only the writer sees.
    if (this.reader && !(this.group && lease.groups.has(this.group))) {
      const statement = this.reader.get(query.sql);
      if (statement.readonly) return run(statement, query.parameters);
    }
    await this.take(lease);
    try {
      const statement = this.writer.get(query.sql);
      if (statement.readonly) return this.onWriter(lease, () => run(statement, query.parameters));
      this.openGroup();
      this.stats.writes++;
      return this.onWriter(lease, () => run(statement, query.parameters));
    } finally {
      this.give(lease);
    }
  }

  async beginTransaction(lease: Lease): Promise<void> {
    await this.take(lease);
    try {
      this.openGroup();
      this.onWriter(lease, () => this.writer.sqlite.exec(`SAVEPOINT ${SAVEPOINT}`));
      lease.inTransaction = true;
    } catch (e) {
      this.give(lease);
      throw e;
    }
  }

  async commitTransaction(lease: Lease): Promise<void> {
    try {
      this.onWriter(lease, () => this.writer.sqlite.exec(`RELEASE ${SAVEPOINT}`));
      this.stats.writes++;
    } finally {
      lease.inTransaction = false;
      this.give(lease);
    }
  }

  async rollbackTransaction(lease: Lease): Promise<void> {
    try {
      // An I/O or disk-full error can have rolled back the whole group already (see onWriter).
      if (this.group) this.onWriter(lease, () => this.writer.sqlite.exec(`ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}`));
    } finally {
      lease.inTransaction = false;
      this.give(lease);
    }
  }

  async savepoint(lease: Lease, name: string): Promise<void> {
    this.onWriter(lease, () => this.writer.sqlite.exec(`SAVEPOINT "${name}"`));
  }

  async rollbackToSavepoint(lease: Lease, name: string): Promise<void> {
    this.onWriter(lease, () => this.writer.sqlite.exec(`ROLLBACK TO "${name}"`));
  }

  async releaseSavepoint(lease: Lease, name: string): Promise<void> {
    this.onWriter(lease, () => this.writer.sqlite.exec(`RELEASE "${name}"`));
  }

  /** Returns once everything the lease wrote (or read of others' writes) is on disk. */
  async releaseConnection(lease: Lease): Promise<void> {
    this.give(lease); // a transaction abandoned without commit or rollback
    if (lease.groups.size === 0) return;
    if (this.group && lease.groups.has(this.group)) this.queueFlush();
    const groups = [...lease.groups];
    lease.groups.clear();
    for (const group of groups) await group.done;
  }

  /** Runs `fn` once what has been written so far is committed (at once if nothing is pending). */
  onCommit(fn: () => void): void {
    if (this.group) this.group.afterCommit.push(fn);
    else queueMicrotask(fn);
  }

  /** Commits the open group now; for callers that need the disk settled (bulk loads, closing). */
  async flush(): Promise<void> {
    await this.turns.take();
    try {
      this.commitGroup();
    } finally {
      this.turns.give();
    }
  }

  async destroy(): Promise<void> {
    await this.flush();
    this.reader?.sqlite.close();
    this.writer.sqlite.close();
  }

  private take(lease: Lease): Promise<void> {
    return this.turns.take().then(() => {
      lease.holdsTurn = true;
    });
  }

  private give(lease: Lease): void {
    if (!lease.holdsTurn) return;
    lease.holdsTurn = false;
    this.turns.give();
  }

  private openGroup(): void {
    if (this.group) return;
    this.writer.sqlite.exec('BEGIN IMMEDIATE');
    this.group = newGroup();
  }

  /** Runs on the writer, noting the lease's part in the group; notices a group SQLite gave up. */
  private onWriter<T>(lease: Lease, fn: () => T): T {
    if (this.group) lease.groups.add(this.group);
    try {
      return fn();
    } catch (e) {
      if (this.group && !this.writer.sqlite.inTransaction) this.settleGroup(e);
      throw e;
    }
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    // After the I/O callbacks of this turn of the loop: the writes they start join the group.
    setImmediate(() => {
      this.flushQueued = false;
      void this.flush();
    });
  }

  private commitGroup(): void {
    if (!this.group) return;
    try {
      this.writer.sqlite.exec('COMMIT');
    } catch (e) {
      try {
        if (this.writer.sqlite.inTransaction) this.writer.sqlite.exec('ROLLBACK');
      } finally {
        this.settleGroup(e);
      }
      return;
    }
    this.stats.commits++;
    this.settleGroup(null);
  }

  /** The group is over: committed (`error` null) or lost. */
  private settleGroup(error: unknown): void {
    const group = this.group!;
    this.group = null;
    if (error) return group.reject(error);
    group.resolve();
    for (const fn of group.afterCommit) fn();
  }
}

export class GroupCommitSqliteDialect implements Dialect {
  constructor(readonly driver: GroupCommitDriver) {}
  createAdapter = () => new SqliteAdapter();
  createDriver = () => this.driver;
  createQueryCompiler = () => new SqliteQueryCompiler();
  createIntrospector = (db: Kysely<never>) => new SqliteIntrospector(db);
}

import Foundation
import GRDB
import Logging

/// A durable job queue in the resource store with a bounded pool of workers.
///
/// Jobs move QUEUED → IN_PROGRESS → COMPLETED or FAILED. A job that was IN_PROGRESS when the process stopped
/// (a crash, SIGKILL) is re-queued at the next start; one interrupted ``maxAttempts`` times is failed instead,
/// so a job that crashes the server cannot crash it forever.
public final class JobRunner: Sendable {
    /// How many times a job may be started before an interruption fails it.
    public static let maxAttempts = 5

    let store: ResourceStore
    let handlers: [String: any JobHandler]
    let workers: Int
    let logger: Logger
    private let wakeup = JobWakeup()

    init(store: ResourceStore, handlers: [any JobHandler], workers: Int, logger: Logger) {
        self.store = store
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }) { first, _ in
            preconditionFailure("two job handlers run the kind \(first.kind)")
        }
        self.workers = max(1, workers)
        self.logger = logger
    }

    static let migrations = [
        StoreMigration("core.v1.jobs") { db in
            try db.create(table: "jobs") { table in
                table.autoIncrementedPrimaryKey("sequence")
                table.column("id", .text).notNull().unique()
                table.column("kind", .text).notNull()
                table.column("input", .blob).notNull()
                table.column("state", .text).notNull().indexed()
                table.column("failureReason", .text)
                table.column("output", .blob)
                table.column("progress", .double)
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("submittedAt", .double).notNull()
                table.column("startedAt", .double)
                table.column("completedAt", .double)
            }
        }
    ]

    // MARK: - Queue

    /// Adds a job; answers `nil` when a job with this id already exists.
    @discardableResult
    public func enqueue(id: String, kind: String, input: Data) async throws -> Job? {
        guard handlers[kind] != nil else { preconditionFailure("no handler runs jobs of kind \(kind)") }
        let now = Date()
        let inserted = try await store.database.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO jobs (id, kind, input, state, submittedAt) VALUES (?, ?, ?, 'QUEUED', ?)
                    """, arguments: [id, kind, input, now.timeIntervalSince1970])
            return db.changesCount == 1
        }
        guard inserted else { return nil }
        await wakeup.signal()
        return try job(id: id)
    }

    /// The job with this id, or `nil`.
    public func job(id: String) throws -> Job? {
        try store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [id]).map(Self.job(from:))
        }
    }

    /// Jobs of a kind, newest first, optionally in one state.
    public func jobs(kind: String, state: JobState? = nil) throws -> [Job] {
        try store.database.read { db in
            let rows: [Row]
            if let state {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM jobs WHERE kind = ? AND state = ? ORDER BY sequence DESC",
                    arguments: [kind, state.rawValue])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM jobs WHERE kind = ? ORDER BY sequence DESC", arguments: [kind])
            }
            return rows.map(Self.job(from:))
        }
    }

    /// Deletes a job that is not running; answers whether it existed.
    @discardableResult
    public func delete(id: String) throws -> Bool {
        try store.database.write { db in
            try db.execute(sql: "DELETE FROM jobs WHERE id = ? AND state != 'IN_PROGRESS'", arguments: [id])
            return db.changesCount == 1
        }
    }

    /// How many jobs are in each state (for `/metrics`).
    public func countsByState() throws -> [JobState: Int] {
        try store.database.read { db in
            var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state") {
                if let state = JobState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    // MARK: - Workers

    /// Re-queues interrupted jobs, then runs the workers until the task is cancelled.
    func run(gateway: Gateway) async throws {
        let requeued = try requeueInterrupted()
        if requeued > 0 { logger.info("re-queued \(requeued) interrupted job(s)") }
        await withDiscardingTaskGroup { group in
            for _ in 0..<workers {
                group.addTask { await self.workLoop(gateway: gateway) }
            }
        }
    }

    /// Puts IN_PROGRESS jobs back in the queue, failing those interrupted too often; answers how many were re-queued.
    @discardableResult
    func requeueInterrupted() throws -> Int {
        try store.database.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = 'FAILED', completedAt = ?,
                        failureReason = 'The job was interrupted ' || attempts || ' times and was not retried again'
                    WHERE state = 'IN_PROGRESS' AND attempts >= ?
                    """, arguments: [Date().timeIntervalSince1970, Self.maxAttempts])
            try db.execute(sql: "UPDATE jobs SET state = 'QUEUED' WHERE state = 'IN_PROGRESS'")
            return db.changesCount
        }
    }

    private func workLoop(gateway: Gateway) async {
        while !Task.isCancelled {
            do {
                if let job = try await claimNext() {
                    await execute(job, gateway: gateway)
                } else {
                    await wakeup.wait(timeout: .seconds(2))
                }
            } catch {
                logger.error("job worker could not read the queue: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func claimNext() async throws -> Job? {
        try await store.database.write { db in
            try Row.fetchOne(
                db,
                sql: """
                    UPDATE jobs SET state = 'IN_PROGRESS', attempts = attempts + 1, startedAt = ?
                    WHERE sequence = (SELECT sequence FROM jobs WHERE state = 'QUEUED' ORDER BY sequence LIMIT 1)
                    RETURNING *
                    """, arguments: [Date().timeIntervalSince1970]
            ).map(Self.job(from:))
        }
    }

    private func execute(_ job: Job, gateway: Gateway) async {
        guard let handler = handlers[job.kind] else {
            try? await finish(job.id, state: .failed, output: nil, reason: "No handler runs jobs of kind \(job.kind)")
            return
        }
        do {
            let output = try await handler.run(job, context: JobContext(gateway: gateway, jobID: job.id, runner: self))
            try await finish(job.id, state: .completed, output: output, reason: nil)
        } catch where Task.isCancelled {
            logger.info("job \(job.id) interrupted by shutdown; re-queued")
            try? await writeEvenIfCancelled { db in
                try db.execute(sql: "UPDATE jobs SET state = 'QUEUED' WHERE id = ?", arguments: [job.id])
            }
        } catch {
            let reason = (error as? ServiceError)?.message ?? String(describing: error)
            logger.warning("job \(job.id) failed: \(reason)")
            try? await finish(job.id, state: .failed, output: nil, reason: reason)
        }
    }

    private func finish(_ id: String, state: JobState, output: Data?, reason: String?) async throws {
        try await writeEvenIfCancelled { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET state = ?, output = ?, failureReason = ?, completedAt = ?,
                        progress = CASE WHEN ? = 'COMPLETED' THEN 100 ELSE progress END
                    WHERE id = ?
                    """,
                arguments: [state.rawValue, output, reason, Date().timeIntervalSince1970, state.rawValue, id])
        }
    }

    /// Records a job's end even while shutting down: GRDB's async writes refuse to start in a cancelled task,
    /// so the write runs in a task of its own.
    private func writeEvenIfCancelled(_ update: @escaping @Sendable (Database) throws -> Void) async throws {
        let store = self.store
        try await Task { try await store.database.write(update) }.value
    }

    func recordProgress(id: String, percent: Double) async throws {
        try await store.database.write { db in
            try db.execute(
                sql: "UPDATE jobs SET progress = ? WHERE id = ? AND state = 'IN_PROGRESS'",
                arguments: [min(100, max(0, percent)), id])
        }
    }

    private static func job(from row: Row) -> Job {
        Job(
            id: row["id"], kind: row["kind"], input: row["input"], state: JobState(rawValue: row["state"]) ?? .failed,
            failureReason: row["failureReason"], output: row["output"], progress: row["progress"],
            attempts: row["attempts"], submittedAt: Date(timeIntervalSince1970: row["submittedAt"]),
            startedAt: (row["startedAt"] as Double?).map(Date.init(timeIntervalSince1970:)),
            completedAt: (row["completedAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}

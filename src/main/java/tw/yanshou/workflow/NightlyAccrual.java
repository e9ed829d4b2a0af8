package tw.yanshou.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.AccrualClaims;
import tw.yanshou.contract.ContractRegistered;
import tw.yanshou.contract.StatementService;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.workflow.ProcessModel.Variables;

/**
 * The nightly accrual: once a day every open contract's statement is recomputed and stored ({@code DAILY}) and its
 * process's escalation variables are updated where they changed (so that a termination right that arose overnight
 * opens the officer's task), through the same {@link StatementService#recompute} the process's daily timer used to
 * call. It replaces that timer, which fell due at 00:05 for every open contract at once on every node: here each
 * node runs a few workers that claim chunks of the open contracts not yet done today ({@link AccrualClaims}, {@code
 * FOR UPDATE SKIP LOCKED}) and mark them done in the chunk's transaction, so that the nodes share the work, each
 * contract is done once a day, and a run that stopped half-way (a node went down) is finished by the next run. The
 * schedule ({@code yanshou.accrual.cron}) runs every ten minutes; the first run after midnight does the work, the
 * others find nothing left (one indexed count) unless a contract was busy or a node failed. A contract registered
 * today counts as done today (its statement was stored when it was registered).
 */
@Component
public class NightlyAccrual {
    private static final Logger log = LoggerFactory.getLogger(NightlyAccrual.class);
    private static final List<String> ESCALATION = List.of(Variables.TERMINATION_RIGHT_ON, Variables.MEDIATION_PENDING,
            Variables.PENALTY);

    private final AccrualClaims claims;
    private final StatementService statements;
    private final RuntimeService runtime;
    private final OfficeClock clock;
    private final TransactionTemplate transaction;
    private final int chunk;
    private final int workers;

    NightlyAccrual(AccrualClaims claims, StatementService statements, RuntimeService runtime, OfficeClock clock,
                   PlatformTransactionManager transactions,
                   @Value("${yanshou.accrual.chunk:100}") int chunk,
                   @Value("${yanshou.accrual.workers:2}") int workers) {
        this.claims = claims;
        this.statements = statements;
        this.runtime = runtime;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.chunk = chunk;
        this.workers = workers;
    }

    /** What one run did: the contracts it recomputed (each once), how many chunks, and those that failed. */
    public record Run(LocalDate day, List<UUID> contracts, int chunks, List<UUID> failed, long millis) { }

    /** A contract registered today had its statement stored for today: tonight's run is tomorrow's. */
    @EventListener
    void on(ContractRegistered registered) {
        claims.markAccrued(List.of(registered.contractId()), clock.clockDay());
    }

    @Scheduled(cron = "${yanshou.accrual.cron:0 5/10 * * * *}", zone = "${yanshou.zone:Asia/Taipei}")
    void scheduled() {
        LocalDate day = clock.clockDay();
        if (claims.due(day) == 0) return;
        Run run = run(day, workers, chunk);
        log.info("nightly accrual of {}: {} contracts in {} chunks, {} ms, {} failed", day, run.contracts().size(),
                run.chunks(), run.millis(), run.failed().size());
    }

    /** Runs the accrual of {@code day} on {@code threads} workers of this node, chunks of {@code chunkSize}. */
    public Run run(LocalDate day, int threads, int chunkSize) {
        long t0 = System.nanoTime();
        List<UUID> done = Collections.synchronizedList(new ArrayList<>());
        List<UUID> failed = Collections.synchronizedList(new ArrayList<>());
        int[] chunks = new int[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nightly-accrual");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) futures.add(pool.submit(() -> work(day, chunkSize, done, failed)));
            for (Future<Integer> f : futures) {
                try {
                    synchronized (chunks) { chunks[0] += f.get(); }
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a worker of the nightly accrual failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the nightly accrual was interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Run(day, List.copyOf(done), chunks[0], List.copyOf(failed), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The night's work for one contract, as a run would do it (if it is open and not yet done for {@code day}): for
     * process tests that move the clock as a running server would, and for an operator who will not wait.
     *
     * @return whether it was done now
     */
    public boolean runFor(UUID contractId, LocalDate day) {
        return Boolean.TRUE.equals(transaction.execute(status -> claims.claimOne(contractId, day).map(c -> {
            accrue(List.of(c), day);
            claims.markAccrued(List.of(contractId), day);
            return true;
        }).orElse(false)));
    }

    /** One worker: claims and does chunks until none is left; returns how many it did. */
    private int work(LocalDate day, int chunkSize, List<UUID> done, List<UUID> failed) {
        int chunks = 0;
        while (true) {
            List<AccrualClaims.Claimed> claimed = new ArrayList<>();
            try {
                transaction.executeWithoutResult(status -> {
                    claimed.addAll(claims.claim(day, chunkSize));
                    accrue(claimed, day);
                    claims.markAccrued(claimed.stream().map(AccrualClaims.Claimed::id).toList(), day);
                });
                done.addAll(claimed.stream().map(AccrualClaims.Claimed::id).toList());
            } catch (RuntimeException e) {
                if (claimed.isEmpty()) throw e;
                log.warn("nightly accrual: a chunk of {} contracts failed; doing them one by one", claimed.size(), e);
                for (AccrualClaims.Claimed c : claimed) one(c.id(), day, done, failed);
            }
            if (claimed.isEmpty()) return chunks;
            chunks++;
        }
    }

    /** A contract of a failed chunk on its own: done, or marked done with the failure logged (it is not retried tonight). */
    private void one(UUID id, LocalDate day, List<UUID> done, List<UUID> failed) {
        try {
            Boolean did = transaction.execute(status -> claims.claimOne(id, day).map(c -> {
                accrue(List.of(c), day);
                claims.markAccrued(List.of(id), day);
                return true;
            }).orElse(false));
            if (Boolean.TRUE.equals(did)) done.add(id);
        } catch (RuntimeException e) {
            log.error("nightly accrual of contract {} for {} failed; it is left for tomorrow", id, day, e);
            failed.add(id);
            transaction.executeWithoutResult(status -> claims.markAccrued(List.of(id), day));
        }
    }

    /**
     * The work the daily timer did, for a chunk: the statement of {@code day} computed and stored, then the
     * escalation variables set where they changed (read for the whole chunk in one query; a process that has ended
     * has none, and is left alone).
     */
    private void accrue(List<AccrualClaims.Claimed> chunk, LocalDate day) {
        if (chunk.isEmpty()) return;
        String[] processes = chunk.stream().map(AccrualClaims.Claimed::processInstanceId).filter(Objects::nonNull)
                .toArray(String[]::new);
        Map<String, Map<String, Object>> current = new HashMap<>();
        if (processes.length > 0)
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processes)
                    .variableNameIn(ESCALATION.toArray(String[]::new)).disableCustomObjectDeserialization().list())
                if (v.getProcessInstanceId().equals(v.getExecutionId()))
                    current.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        for (AccrualClaims.Claimed c : chunk) {
            Statement statement = statements.recompute(c.id(), day, "DAILY");
            Map<String, Object> now = current.get(c.processInstanceId());
            if (now == null) continue;   // no process, or it has ended
            Map<String, Object> changed = new HashMap<>();
            ProcessModel.escalationVariables(statement).forEach((k, v) -> {
                if (!now.containsKey(k) || !Objects.equals(now.get(k), v)) changed.put(k, v);
            });
            if (!changed.isEmpty()) runtime.setVariables(c.processInstanceId(), changed);
        }
    }
}

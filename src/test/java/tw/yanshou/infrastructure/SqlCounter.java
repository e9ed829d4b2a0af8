package tw.yanshou.infrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Test support: wraps the server's DataSource with datasource-proxy and counts what the server sends to PostgreSQL —
 * SQL statements (each statement of a JDBC batch counts once, as PostgreSQL executes it), by kind (SELECT, INSERT,
 * UPDATE, DELETE) and by table of the first line, and commits — and reads PostgreSQL's own count of committed
 * transactions ({@code pg_stat_database.xact_commit}). Counters are global: measure while nothing else runs.
 */
@Component
public class SqlCounter implements BeanPostProcessor {
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private volatile DataSource target;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource ds) || !"dataSource".equals(beanName)) return bean;
        target = ds;
        return ProxyDataSourceBuilder.create(ds).name("counted").listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) { }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                for (QueryInfo q : queryInfoList) {
                    int executions = Math.max(1, q.getParametersList().size());
                    statements.addAndGet(executions);
                    byKind.computeIfAbsent(kind(q.getQuery()), k -> new AtomicLong()).addAndGet(executions);
                }
            }
        }).methodListener(new MethodExecutionListener() {
            @Override
            public void beforeMethod(MethodExecutionContext executionContext) { }

            @Override
            public void afterMethod(MethodExecutionContext executionContext) {
                if (executionContext.getTarget() instanceof Connection && "commit".equals(executionContext.getMethod().getName()))
                    commits.incrementAndGet();
            }
        }).build();
    }

    /** "INSERT ACT_RU_EXECUTION", "SELECT" …: the statement's verb and, for writes, its table. */
    static String kind(String sql) {
        String[] words = sql.strip().replaceAll("\\s+", " ").split(" ");
        String verb = words[0].toUpperCase(java.util.Locale.ROOT);
        String table = switch (verb) {
            case "INSERT", "DELETE" -> words.length > 2 ? words[2] : "";
            case "UPDATE" -> words.length > 1 ? words[1] : "";
            default -> "";
        };
        return (verb + " " + table.toUpperCase(java.util.Locale.ROOT)).strip();
    }

    /** What was counted so far. */
    public Snapshot snapshot() {
        Map<String, Long> kinds = new TreeMap<>();
        byKind.forEach((k, v) -> kinds.put(k, v.get()));
        return new Snapshot(statements.get(), commits.get(), xactCommit(), kinds);
    }

    /**
     * PostgreSQL's committed transactions in this database: every connection's, the counter's own query too. Backends
     * report their counts when idle, at most once a second: wait a little before reading a delta.
     */
    private long xactCommit() {
        if (target == null) return -1;
        try (Connection c = target.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            return r.next() ? r.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts at one moment; {@link #minus} gives what happened between two. */
    public record Snapshot(long statements, long commits, long xactCommit, Map<String, Long> byKind) {
        public Snapshot minus(Snapshot before) {
            Map<String, Long> kinds = new TreeMap<>();
            byKind.forEach((k, v) -> {
                long d = v - before.byKind.getOrDefault(k, 0L);
                if (d != 0) kinds.put(k, d);
            });
            return new Snapshot(statements - before.statements, commits - before.commits, xactCommit - before.xactCommit, kinds);
        }
    }
}

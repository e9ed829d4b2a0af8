package tw.yanshou.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.web.NotFoundException;

/**
 * A user's sessions, kept in PostgreSQL by Spring Session JDBC (so every node sees them): which are open, from where,
 * and ending one. Sessions are found by their principal name (Spring Session's index).
 */
@Component
public class Sessions {
    /** The session attribute with the client that signed in ({@link SignInHistory.Client}). */
    static final String CLIENT = "yanshou.client";

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository, AuditLog audit,
             org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.repository = repository;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** One open session; {@code id} is shown only as a hash, the session id itself never leaves the server. */
    public record Open(String handle, Instant createdAt, Instant lastAccessedAt, Instant expiresAt, String address,
                       String userAgent, boolean current) { }

    /** The user's open sessions, the most recently used first; {@code currentId} is the caller's own. */
    public List<Open> of(String username, String currentId) {
        return repository.findByPrincipalName(username).values().stream().filter(s -> !s.isExpired())
                .map(s -> open(s, currentId))
                .sorted(Comparator.comparing(Open::lastAccessedAt).reversed()).toList();
    }

    /** Ends one of the user's own sessions, named by its handle. */
    public void end(String username, String handle, String by) {
        Map<String, ? extends Session> sessions = repository.findByPrincipalName(username);
        String id = sessions.keySet().stream().filter(k -> handle(k).equals(handle)).findFirst()
                .orElseThrow(() -> new NotFoundException("no such session"));
        repository.deleteById(id);
        audit.record(by, "SESSION_ENDED", null, Map.of("username", username, "session", handle));
    }

    /** Ends every session of the user but {@code keepId} (null: all), e.g. when the account is disabled. */
    public int endAll(String username, String keepId) {
        int n = 0;
        for (String id : repository.findByPrincipalName(username).keySet()) {
            if (id.equals(keepId)) continue;
            repository.deleteById(id);
            n++;
        }
        return n;
    }

    /** How many unexpired sessions each signed-in user has (one query on Spring Session's table). */
    public Map<String, Integer> openByUser() {
        Map<String, Integer> open = new java.util.TreeMap<>();
        jdbc.sql("select principal_name, count(*) from spring_session where principal_name is not null "
                        + "and expiry_time > ? group by principal_name")
                .param(System.currentTimeMillis())
                .query((rs, n) -> open.put(rs.getString(1), rs.getInt(2))).list();
        return open;
    }

    /**
     * Ends every session of the user once the caller's transaction has committed (at once without one), so that a
     * change that rolls back (a reset, a disabled account) leaves the sessions as they were: Spring Session JDBC
     * writes in transactions of its own. Returns how many sessions the user has now.
     */
    public int endAllAfterCommit(String username) {
        int open = repository.findByPrincipalName(username).size();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override public void afterCommit() { endAll(username, null); }
                    });
        } else {
            endAll(username, null);
        }
        return open;
    }

    private static Open open(Session s, String currentId) {
        SignInHistory.Client client = s.getAttribute(CLIENT);
        Duration max = s.getMaxInactiveInterval();
        return new Open(handle(s.getId()), s.getCreationTime(), s.getLastAccessedTime(), s.getLastAccessedTime().plus(max),
                client == null ? null : client.address(), client == null ? null : client.userAgent(),
                s.getId().equals(currentId));
    }

    /** A short, stable name of a session that does not reveal its id (which is the cookie's value). */
    static String handle(String sessionId) { return Accounts.hash("session:" + sessionId).substring(0, 16); }
}

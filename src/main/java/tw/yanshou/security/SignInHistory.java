package tw.yanshou.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** Every sign-in attempt (time, client address, user agent, step, result) in {@code sign_in_attempt}. */
@Component
public class SignInHistory {
    public static final String PASSWORD = "PASSWORD", MFA = "MFA", BASIC = "BASIC", PASSKEY = "PASSKEY";
    public static final String SUCCESS = "SUCCESS", FAILED = "FAILED", THROTTLED = "THROTTLED";

    private final JdbcClient jdbc;

    SignInHistory(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One attempt as the user or an administrator sees it. */
    public record Attempt(Instant at, String username, String address, String userAgent, String step, String result) { }

    /**
     * A burst of failures: many failed (or held back) attempts for one name ({@code kind} "account") or from one
     * address ("address") within a window, with the times of the latest of them (newest first, at most 20).
     */
    public record Burst(String kind, String who, long failures, Instant first, Instant last, List<Instant> times) { }

    /**
     * The client as the server sees it (behind a trusted proxy: the address it forwarded), kept as the details of
     * the authentication request by the sign-in filters.
     */
    record Client(String address, String userAgent) implements java.io.Serializable {
        static Client of(HttpServletRequest r) { return new Client(r.getRemoteAddr(), r.getHeader("User-Agent")); }

        static Client current() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) return of(a.getRequest());
            return new Client("unknown", null);
        }
    }

    void record(Instant at, String username, Client client, String step, String result) {
        jdbc.sql("insert into sign_in_attempt (at, username, address, user_agent, step, result) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), cut(username == null ? "" : username, 100), cut(client.address(), 64),
                        client.userAgent() == null ? null : cut(client.userAgent(), 300), step, result)
                .update();
    }

    /** A user's own attempts, newest first. */
    public List<Attempt> of(String username, int limit) {
        return jdbc.sql("select at, username, address, user_agent, step, result from sign_in_attempt where username = ? "
                        + "order by at desc, id desc limit ?")
                .params(username, limit).query(SignInHistory::attempt).list();
    }

    /** A user's successful sign-ins, newest first. */
    public List<Attempt> successes(String username, int limit) {
        return jdbc.sql("select at, username, address, user_agent, step, result from sign_in_attempt where username = ? "
                        + "and result = 'SUCCESS' order by id desc limit ?")
                .params(username, limit).query(SignInHistory::attempt).list();
    }

    /** Names and addresses with at least {@code min} failed attempts since {@code since}, most first. */
    public List<Burst> bursts(Instant since, int min) {
        return jdbc.sql("select kind, who, count(*), min(at), max(at), (array_agg(at order by at desc))[1:20] from ("
                        + " select 'account' as kind, username as who, at from sign_in_attempt where result <> 'SUCCESS' and at >= ?"
                        + " union all"
                        + " select 'address', address, at from sign_in_attempt where result <> 'SUCCESS' and at >= ?) f "
                        + "group by kind, who having count(*) >= ? order by count(*) desc, max(at) desc limit 50")
                .params(Timestamp.from(since), Timestamp.from(since), min)
                .query((rs, n) -> new Burst(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), times(rs.getArray(6))))
                .list();
    }

    /** The failed (and held back) attempts since {@code since}, newest first. */
    public List<Attempt> failures(Instant since, int limit) {
        return jdbc.sql("select at, username, address, user_agent, step, result from sign_in_attempt where result <> 'SUCCESS' "
                        + "and at >= ? order by at desc, id desc limit ?")
                .params(Timestamp.from(since), limit).query(SignInHistory::attempt).list();
    }

    private static List<Instant> times(java.sql.Array array) throws java.sql.SQLException {
        List<Instant> times = new java.util.ArrayList<>();
        for (Object o : (Object[]) array.getArray()) times.add(((Timestamp) o).toInstant());
        return times;
    }

    private static Attempt attempt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attempt(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    private static String cut(String s, int max) { return s.length() > max ? s.substring(0, max) : s; }
}

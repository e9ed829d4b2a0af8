package tw.yanshou.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing delays and temporary locks after failed sign-ins, per account and per client address, kept in PostgreSQL
 * ({@code sign_in_throttle}) so that every node of a cluster sees the same counts: an attacker gains nothing by
 * spreading attempts over nodes. A plain table rather than a rate-limiting library: the rule is not a token bucket
 * (a lock that lasts, counts forgotten on success) and the table is one row per key, updated under a row lock.
 * Unknown user names are counted exactly as known ones, so locks tell nothing about who exists.
 */
@Component
public class SignInThrottle {
    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private volatile Clock clock = Clock.systemUTC();

    SignInThrottle(JdbcClient jdbc, SignInSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Tests move time on. */
    void useClock(Clock clock) { this.clock = clock; }

    Instant now() { return clock.instant(); }

    static String accountKey(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (u.length() > 200 ? u.substring(0, 200) : u);
    }

    static String addressKey(String address) { return "address:" + address; }

    /** Until when an attempt for this account from this address must wait; empty: it may go on. */
    public Optional<Instant> blockedUntil(String username, String address) {
        Instant now = now();
        Optional<Instant> account = blockedUntil(accountKey(username), settings.account(), now);
        Optional<Instant> byAddress = blockedUntil(addressKey(address), settings.address(), now);
        if (account.isPresent() && byAddress.isPresent())
            return Optional.of(account.get().isAfter(byAddress.get()) ? account.get() : byAddress.get());
        return account.isPresent() ? account : byAddress;
    }

    private Optional<Instant> blockedUntil(String key, SignInSettings.Limits limits, Instant now) {
        return jdbc.sql("select failures, last_failure, locked_until from sign_in_throttle where key = ?").param(key)
                .query((rs, n) -> {
                    Instant locked = instant(rs.getTimestamp(3));
                    if (locked != null && locked.isAfter(now)) return locked;
                    Instant last = rs.getTimestamp(2).toInstant();
                    if (last.plus(settings.forgetAfter()).isBefore(now)) return null;
                    Instant next = last.plus(delay(rs.getInt(1), limits));
                    return next.isAfter(now) ? next : null;
                })
                .optional();
    }

    /** The wait after {@code failures} failures: none for the free ones, then firstDelay, doubled, up to maxDelay. */
    Duration delay(int failures, SignInSettings.Limits limits) {
        int over = failures - limits.freeFailures();
        if (over <= 0) return Duration.ZERO;
        Duration d = settings.firstDelay();
        for (int i = 1; i < over && d.compareTo(settings.maxDelay()) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
    }

    /** One more failure for the account and the address; at the limit, a lock (and the count starts again after it). */
    @Transactional
    public void failed(String username, String address) {
        Instant now = now();
        failed(accountKey(username), settings.account(), now);
        failed(addressKey(address), settings.address(), now);
    }

    private void failed(String key, SignInSettings.Limits limits, Instant now) {
        jdbc.sql("insert into sign_in_throttle (key, failures, last_failure) values (?, 0, ?) on conflict do nothing")
                .params(key, Timestamp.from(now)).update();
        record Row(int failures, Instant last, Instant locked) { }
        Row row = jdbc.sql("select failures, last_failure, locked_until from sign_in_throttle where key = ? for update")
                .param(key).query((rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3))))
                .single();
        boolean forgotten = row.last().plus(settings.forgetAfter()).isBefore(now)
                || (row.locked() != null && !row.locked().isAfter(now));
        int failures = forgotten ? 1 : row.failures() + 1;
        Instant locked = row.locked() != null && row.locked().isAfter(now) ? row.locked() : null;
        if (failures >= limits.lockAfter()) {
            locked = now.plus(settings.lockDuration());
            failures = 0;
        }
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure = ?, locked_until = ? where key = ?")
                .params(failures, Timestamp.from(now), locked == null ? null : Timestamp.from(locked), key).update();
    }

    /** A successful sign-in forgets the account's failures (not the address's: one good account must not reset it). */
    public void succeeded(String username) {
        jdbc.sql("delete from sign_in_throttle where key = ?").param(accountKey(username)).update();
    }

    private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}

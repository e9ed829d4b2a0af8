package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tw.yanshou.api.ApiTestSupport;

/**
 * Brute force and enumeration on the sign-in form, with the default settings (3 free failures per account, then
 * waits of 1 s doubling, a 15-minute lock at the 10th; 20 and 100 per address) and a clock the test moves.
 */
class SignInThrottleTest extends ApiTestSupport {
    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired SignInThrottle throttle;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired SecondFactors factors;
    private final Map<String, String> keys = new java.util.HashMap<>();

    private final MutableClock clock = new MutableClock(START);

    @AfterEach
    void realTime() { throttle.useClock(Clock.systemUTC()); }

    private void user(String name, String password) {
        var r = api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", password, "roles", List.of("OFFICER"))).retrieve().toBodilessEntity();
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        keys.put(name, TestMfa.enrol(factors, name));
    }

    /** A whole sign-in: the password and, when it passed, the code of the user's authenticator app. */
    private String attempt(String address, String name, String password) {
        FormSignIn browser = new FormSignIn(port).from(address);
        FormSignIn.Answer a = keys.containsKey(name) ? browser.signIn(name, password, keys.get(name)) : browser.signIn(name, password);
        return a.location().replaceFirst("^http://[^/]+", "");
    }

    @Test
    void growingWaitsThenALockThatEndsAfterFifteenMinutes() {
        throttle.useClock(clock);
        user("throttle-a", "throttle passphrase a");
        String from = "203.0.113.10";
        // three free failures, and a fourth at once (3 failures: no wait yet)
        for (int i = 0; i < 4; i++) assertThat(attempt(from, "throttle-a", "wrong passphrase " + i)).isEqualTo("/login?error");
        // 4 failures, one over the free three: the next attempt waits 1 s, even with the right password
        assertThat(attempt(from, "throttle-a", "throttle passphrase a")).isEqualTo("/login?locked");
        // the waits double: 1, 2, 4, 8, 16, 32 s after the 4th … 9th failure; the 10th locks
        long[] waits = {1, 2, 4, 8, 16, 32};
        for (long wait : waits) {
            clock.advance(Duration.ofSeconds(wait).minusMillis(1));
            assertThat(attempt(from, "throttle-a", "wrong again")).as("%d s less 1 ms", wait).isEqualTo("/login?locked");
            clock.advance(Duration.ofMillis(1));
            assertThat(attempt(from, "throttle-a", "wrong again")).as("after %d s", wait).isEqualTo("/login?error");
        }
        // that was failure number 10: locked for 15 minutes, the right password too
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(attempt(from, "throttle-a", "throttle passphrase a")).isEqualTo("/login?locked");
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempt(from, "throttle-a", "throttle passphrase a")).isEqualTo("/");
        // success forgets the account's failures: three free ones again
        for (int i = 0; i < 3; i++) assertThat(attempt(from, "throttle-a", "wrong " + i)).isEqualTo("/login?error");
        assertThat(attempt(from, "throttle-a", "throttle passphrase a")).isEqualTo("/");
        // every password attempt is in the history: 4 + 1 + 12 + 1 + 1 + 3 + 1 = 23 (13 failed, 2 passed, 8 throttled)
        assertThat(jdbc.sql("select result, count(*) from sign_in_attempt where username = 'throttle-a' and step = 'PASSWORD' "
                        + "group by result order by result")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("FAILED=13", "SUCCESS=2", "THROTTLED=8");
        // and each of the two passed passwords was followed by a code that passed
        assertThat(jdbc.sql("select result, count(*) from sign_in_attempt where username = 'throttle-a' and step = 'MFA' group by result")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactly("SUCCESS=2");
    }

    @Test
    void anUnknownNameAnswersAsAWrongPasswordDoesAndIsLockedAlike() {
        throttle.useClock(clock);
        user("throttle-b", "throttle passphrase b");
        user("throttle-off", "throttle passphrase off");
        accounts.updateUser("throttle-off", java.util.Set.of("OFFICER"), null, false, "test");
        List<Long> known = new ArrayList<>(), unknown = new ArrayList<>(), disabled = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            FormSignIn.Answer a = new FormSignIn(port).from("203.0.113.20").signIn("throttle-b", "wrong passphrase " + i);
            FormSignIn.Answer b = new FormSignIn(port).from("203.0.113.21").signIn("throttle-nobody", "wrong passphrase " + i);
            FormSignIn.Answer c = new FormSignIn(port).from("203.0.113.22").signIn("throttle-off", "throttle passphrase off");
            for (FormSignIn.Answer x : List.of(a, b, c)) {
                assertThat(x.status()).isEqualTo(302);
                assertThat(x.location()).endsWith("/login?error");
                assertThat(x.body()).isEqualTo(a.body());
            }
            known.add(a.millis());
            unknown.add(b.millis());
            disabled.add(c.millis());
            // past forget-after (1 h): the next round starts without waits
            clock.advance(Duration.ofHours(2));
        }
        // each costs one PBKDF2 of 600,000 iterations (the unknown and the disabled against a dummy or their own
        // hash), a few hundred ms here, where an answer without hashing takes a few ms: even the fastest of six of
        // each kind is at least a third of the typical (median) wrong password, and the other way round; a
        // band this wide holds on a machine shared with other builds and still fails when one path skips the hash
        System.out.printf("sign-in timings: known %s, unknown %s, disabled %s%n", known, unknown, disabled);
        long k = median(known), u = median(unknown), d = median(disabled);
        assertThat(Collections.min(unknown)).as("unknown %s ms, known %s ms", unknown, known).isGreaterThan(k / 3);
        assertThat(Collections.min(disabled)).as("disabled %s ms, known %s ms", disabled, known).isGreaterThan(k / 3);
        assertThat(Collections.min(known)).as("known %s ms, unknown %s, disabled %s", known, unknown, disabled)
                .isGreaterThan(Math.max(u, d) / 3);
        // four failures at once, then the fifth must wait: the same for the name that does not exist
        for (int i = 0; i < 4; i++) {
            assertThat(attempt("203.0.113.20", "throttle-b", "wrong")).isEqualTo("/login?error");
            assertThat(attempt("203.0.113.21", "throttle-nobody", "wrong")).isEqualTo("/login?error");
        }
        assertThat(attempt("203.0.113.20", "throttle-b", "wrong")).isEqualTo("/login?locked");
        assertThat(attempt("203.0.113.21", "throttle-nobody", "wrong")).isEqualTo("/login?locked");
    }

    @Test
    void anAddressWithAHundredFailuresIsLockedForEveryName() {
        throttle.useClock(clock);
        user("throttle-c", "throttle passphrase c");
        // a password spray: one failure for each of 100 names from one address (each name stays under its limit)
        for (int i = 0; i < 100; i++) throttle.failed("spray-" + i, "198.51.100.7");
        assertThat(attempt("198.51.100.7", "throttle-c", "throttle passphrase c")).isEqualTo("/login?locked");
        // another address is not concerned
        assertThat(attempt("198.51.100.8", "throttle-c", "throttle passphrase c")).isEqualTo("/");
        clock.advance(Duration.ofMinutes(15));
        assertThat(attempt("198.51.100.7", "throttle-c", "throttle passphrase c")).isEqualTo("/");
    }

    @Test
    void engineRestTakesNoPasswordByDefault() {
        String basic = java.util.Base64.getEncoder().encodeToString("test-admin:test-admin-passphrase".getBytes());
        assertThat(api(null).get().uri("/engine-rest/engine").header("Authorization", "Basic " + basic).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void waitsGrowFromTheFirstDelayAndStopAtTheMaximum() {
        SignInSettings.Limits account = new SignInSettings.Limits(3, 10);
        // by hand: failures 1–3 free; 4 → 1 s, 5 → 2 s, 6 → 4 s, … 9 → 32 s; 10 would be 64 s but is capped at 60 s
        long[] expected = {0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60};
        for (int f = 1; f <= 11; f++)
            assertThat(throttle.delay(f, account)).as("after %d failures", f).isEqualTo(Duration.ofSeconds(expected[f - 1]));
    }


    private static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}

package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tw.yanshou.api.ApiTestSupport;

/** An operator turned HTTP Basic on for {@code /engine-rest}: the same limits as the sign-in form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yanshou.engine-rest.basic-auth=true")
class EngineRestBasicAuthTest extends ApiTestSupport {
    @Autowired SignInThrottle throttle;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() { throttle.useClock(Clock.systemUTC()); }

    private int engine(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api(null).get().uri("/engine-rest/engine").header("Authorization", "Basic " + basic).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    @Test
    void locksAfterTenFailuresLikeTheForm() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
        throttle.useClock(clock);
        assertThat(engine("test-admin", "test-admin-passphrase")).isEqualTo(200);
        // 10 failures, each after the wait the one before asks (0, 0, 0, 0, 1, 2, 4, 8, 16, 32 s): the 10th locks
        long[] waits = {0, 0, 0, 0, 1, 2, 4, 8, 16, 32};
        for (long wait : waits) {
            clock.advance(Duration.ofSeconds(wait));
            assertThat(engine("test-admin", "a wrong passphrase")).isEqualTo(401);
        }
        assertThat(engine("test-admin", "test-admin-passphrase")).as("locked").isEqualTo(401);
        clock.advance(Duration.ofMinutes(15));
        assertThat(engine("test-admin", "test-admin-passphrase")).isEqualTo(200);
        assertThat(jdbc.sql("select step || ' ' || result from sign_in_attempt where username = 'test-admin' order by id")
                .query(String.class).list())
                .startsWith("BASIC SUCCESS", "BASIC FAILED").endsWith("BASIC FAILED", "BASIC THROTTLED", "BASIC SUCCESS");
    }
}

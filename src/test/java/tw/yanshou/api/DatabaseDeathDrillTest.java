package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

import tw.yanshou.infrastructure.EmbeddedDatabase;

/**
 * The drill of issue 11: the embedded PostgreSQL's postmaster is killed under the running server. Health,
 * readiness and liveness go DOWN within seconds (the bound is the drill's, 10 s), and an API call is answered
 * promptly — never a hang until some timeout. (Here the server is told not to exit, so the test can look.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"yanshou.drill=postmaster-killed",
        // an engine of its own: the engine registry is per JVM, and this context closes with its engine dead
        "camunda.bpm.process-engine-name=drill"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseDeathDrillTest extends ApiTestSupport {
    @Autowired EmbeddedDatabase database;

    @Test
    void healthGoesDownWithinSecondsWhenThePostmasterDies() throws Exception {
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        ProcessHandle postmaster = database.postmaster().orElseThrow();
        postmaster.destroyForcibly();   // SIGKILL, as a crash or the OOM killer would
        postmaster.onExit().join();
        Instant killed = Instant.now();
        Duration bound = Duration.ofSeconds(10);
        while (status("/actuator/health/readiness") != 503 && Duration.between(killed, Instant.now()).compareTo(bound) < 0)
            Thread.sleep(100);
        assertThat(status("/actuator/health/readiness")).isEqualTo(503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(503);
        assertThat(status("/actuator/health")).isEqualTo(503);
        assertThat(Duration.between(killed, Instant.now())).isLessThan(bound);
        ResponseEntity<String> call = api().get().uri("/api/contracts").retrieve().toEntity(String.class);
        assertThat(call.getStatusCode().value()).as(call.getBody()).isIn(401, 503);
    }

    private int status(String path) {
        return api(null).get().uri(path).retrieve().toEntity(String.class).getStatusCode().value();
    }
}

package tw.yanshou.infrastructure;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/**
 * Watches the embedded PostgreSQL's postmaster: if it dies under the running server, health, liveness and readiness
 * go DOWN at once (no database call needed to know), and — unless {@code yanshou.embedded-postgres.exit-when-stopped}
 * is false — the server exits, so that whatever supervises it starts it again with its database, instead of hanging
 * on a database that is gone. Shown in {@code /actuator/health} as {@code embeddedDatabase}.
 */
public class EmbeddedDatabaseWatch implements HealthIndicator, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatch.class);
    private final EmbeddedDatabase database;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean died;

    EmbeddedDatabaseWatch(EmbeddedDatabase database, ApplicationContext context, boolean exit) {
        this.database = database;
        database.postmaster().ifPresentOrElse(p -> p.onExit().thenRun(() -> {
            if (stopping.get()) return;
            died = true;
            log.error("the embedded PostgreSQL (pid {}, data in {}) stopped under the running server{}",
                    database.postmasterPid(), database.dataDirectory(), exit ? ": exiting" : "");
            AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            if (exit) new Thread(() -> System.exit(SpringApplication.exit(context, () -> 3)), "embedded-postgres-exit").start();
        }), () -> died = true);
    }

    /** The server is shutting down (this bean goes before the database): the database stopping is expected. */
    @Override
    public void destroy() { stopping.set(true); }

    @Override
    public Health health() {
        if (died) return Health.down().withDetail("postmaster", database.postmasterPid())
                .withDetail("reason", "the embedded PostgreSQL stopped").build();
        return Health.up().withDetail("postmaster", database.postmasterPid()).withDetail("port", database.port()).build();
    }
}

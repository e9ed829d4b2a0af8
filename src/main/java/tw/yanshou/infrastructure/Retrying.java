package tw.yanshou.infrastructure;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a transactional change again when it lost a race (an optimistic-locking conflict with the job executor or
 * another node, a deadlock): both changes are kept, and the caller never sees the conflict unless it persists.
 */
@Component
public class Retrying {
    static final int ATTEMPTS = 6;

    public <T> T call(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) throw e;
                pause(attempt);
            }
        }
    }

    public void run(Runnable change) {
        call(() -> {
            change.run();
            return null;
        });
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}

package tw.yanshou.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** Retrying on its own: a lost race is run again, six attempts in all; other failures are not retried. */
class RetryingTest {
    private final Retrying retrying = new Retrying();

    @Test
    void givesUpAfterSixAttemptsOfALastingConflictWithTheConflict() {
        AtomicInteger attempts = new AtomicInteger();
        OptimisticLockingException conflict = new OptimisticLockingException("ACT_RU_TASK was updated by another transaction");
        Throwable thrown = catchThrowable(() -> retrying.run(() -> {
            attempts.incrementAndGet();
            throw conflict;
        }));
        assertThat(thrown).isSameAs(conflict);
        assertThat(attempts).hasValue(6);
    }

    @Test
    void keepsTheChangeThatSucceedsOnALaterAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retrying.call(() -> {
            if (attempts.incrementAndGet() < 3) throw new CannotAcquireLockException("deadlock detected");
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void doesNotRetryWhatIsNotAConflict() {
        AtomicInteger attempts = new AtomicInteger();
        assertThat(catchThrowable(() -> retrying.run(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("broken");
        }))).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}

package tw.yanshou.infrastructure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today in the office's zone (Asia/Taipei), on the process engine's clock, so that time travel in process tests
 * moves the whole server. While a history is replayed, "today" is the day being replayed ({@link #replaying}).
 */
@Component
public class OfficeClock {
    private static final ThreadLocal<LocalDate> REPLAY_DAY = new ThreadLocal<>();

    private final ZoneId zone;

    OfficeClock(@Value("${yanshou.zone:Asia/Taipei}") String zone) { this.zone = ZoneId.of(zone); }

    /** The replayed day, or today. */
    public LocalDate today() {
        LocalDate replayed = REPLAY_DAY.get();
        return replayed != null ? replayed : clockDay();
    }

    /** The real day on the engine clock, even while replaying. */
    public LocalDate clockDay() { return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate(); }

    /** The first moment of {@code day} in the office's zone, as a timer date. */
    public Date startOf(LocalDate day) { return Date.from(day.atStartOfDay(zone).toInstant()); }

    /** The office day a timer date falls on. */
    public LocalDate dayOf(Date moment) { return moment.toInstant().atZone(zone).toLocalDate(); }

    public boolean isReplaying() { return REPLAY_DAY.get() != null; }

    /** Runs {@code work} with "today" being {@code day}. */
    public void replaying(LocalDate day, Runnable work) {
        LocalDate outer = REPLAY_DAY.get();
        REPLAY_DAY.set(day);
        try {
            work.run();
        } finally {
            if (outer == null) REPLAY_DAY.remove();
            else REPLAY_DAY.set(outer);
        }
    }
}

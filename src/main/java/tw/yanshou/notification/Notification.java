package tw.yanshou.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One notification: for the vendor of a contract or for the procurement staff ({@code audience}), of a kind
 * ({@link Kind}), about an event, with the day it concerns ({@code onDate}: a due date, a cure deadline) and what
 * the message needs ({@code detail}: milestone, items, contract number).
 */
public record Notification(UUID id, UUID contractId, String audience, String vendorId, Kind kind, UUID eventId,
                           LocalDate onDate, Map<String, Object> detail, Instant createdAt) {
    public static final String VENDOR = "VENDOR";
    public static final String STAFF = "STAFF";
    /** a notice about one user's own account, for that user alone ({@code detail.username}); no contract */
    public static final String USER = "USER";

    public enum Kind {
        /** the vendor tendered (a readiness notice, a test report) — for staff */
        TENDERED,
        /** a milestone was accepted — for the vendor */
        ACCEPTED,
        /** an inspection or review failed, with its cure deadline — for the vendor */
        INSPECTION_FAILED,
        /** a due date moved (an extension) — for the vendor */
        DUE_DATE,
        /** the penalty reached the termination threshold: the buyer may terminate — for both */
        TERMINATION_RIGHT,
        /** the contract was terminated — for both */
        TERMINATED,
        /** the buyer delivered documents (its cooperation duties, inspection records) — for the vendor */
        DELIVERY,
        /** a sign-in to the user's account from a new device or network — for that user */
        NEW_DEVICE
    }

    public String number() { return String.valueOf(detail.getOrDefault("number", "")); }
}

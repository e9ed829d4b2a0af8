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
    /**
     * for one user alone ({@code username}, also {@code detail.username}): a notice about their own account (no
     * contract), or about one of their decisions on a contract (a supervisor approved or rejected it)
     */
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
        /** the vendor acknowledged receipt of a delivery of the buyer — for staff */
        DELIVERY_ACKNOWLEDGED,
        /** a supervisor approved the user's decision (four eyes): it took effect — for the proposer */
        DECISION_APPROVED,
        /** a supervisor rejected the user's decision, with the reason — for the proposer */
        DECISION_REJECTED,
        /** a sign-in to the user's account from a new device or network — for that user */
        NEW_DEVICE,
        /** a user's second factors changed — for that user */
        MFA_TOTP_ENROLLED, MFA_TOTP_REMOVED, MFA_RECOVERY_CODES_REGENERATED, MFA_RECOVERY_CODE_USED, MFA_PASSKEY_ADDED,
        MFA_PASSKEY_REMOVED,
        /** an administrator removed every second factor of the user (who lost them), with the reason — for that user */
        MFA_RESET;

        /** Whether this kind is about a user's own account rather than a contract. */
        public boolean aboutAccount() { return this == NEW_DEVICE || name().startsWith("MFA_"); }
    }

    public String number() { return String.valueOf(detail.getOrDefault("number", "")); }

    /**
     * The page this notice links to: its contract under {@code contractPages} ({@code /contracts/} on the desk,
     * {@code /portal/contracts/} in the portal), else the user's second factors for an MFA change, else the account.
     */
    public String link(String contractPages) {
        if (contractId != null) return contractPages + contractId;
        return kind.name().startsWith("MFA_") ? "/account/mfa" : "/account";
    }
}

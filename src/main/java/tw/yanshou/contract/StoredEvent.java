package tw.yanshou.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a contract's append-only event log: an event as in a contract file ({@code body}), or a correction
 * ({@code type} {@value #VOID}) that voids an earlier entry, with who recorded it and why. A termination that
 * followed a linked contract's termination names that contract ({@code cascadedFrom}).
 */
public record StoredEvent(UUID id, UUID contractId, int seq, LocalDate effectiveDate, String type, String body,
                          UUID voids, String reason, Instant recordedAt, String recordedBy, UUID cascadedFrom) {
    public static final String VOID = "VOID";
    public static final String TERMINATED = "TERMINATED";

    public boolean isVoid() { return VOID.equals(type); }

    /** The fields of the entry's body other than date and type, as the pages list them (empty if it does not read). */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> fields(com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            java.util.Map<String, Object> fields = json.readValue(body, java.util.Map.class);
            fields.remove("date");
            fields.remove("type");
            return fields;
        } catch (java.io.IOException e) {
            return java.util.Map.of();
        }
    }
}

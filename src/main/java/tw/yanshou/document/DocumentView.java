package tw.yanshou.document;

import java.time.Instant;
import java.util.UUID;

/** A stored document as listed: what the API answers and pages show. */
public record DocumentView(String sha256, String name, long size, String contentType, UUID eventId, String uploadedBy,
                           Instant uploadedAt) { }

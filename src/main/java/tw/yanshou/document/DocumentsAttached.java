package tw.yanshou.document;

import java.util.List;
import java.util.UUID;

/** Documents were attached to an event, in the transaction that recorded it; {@code byStaff}: the buyer's side. */
public record DocumentsAttached(UUID contractId, UUID eventId, List<DocumentView> documents, boolean byStaff) { }

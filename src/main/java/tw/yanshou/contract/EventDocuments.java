package tw.yanshou.contract;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tw.yanshou.contract.file.DocumentRef;
import tw.yanshou.security.Actor;

/**
 * The documents of a contract's events, for the contract file: listed by hash in the export, and found again by hash
 * when an exported file is registered. The document module gives the implementation, so that this module knows
 * nothing of how documents are stored.
 */
public interface EventDocuments {
    /** The documents of the contract's events by event id, each event's in the order they were attached. */
    Map<UUID, List<DocumentRef>> byEvent(UUID contractId);

    /**
     * Attaches to an event being registered the document stored on this server with the reference's SHA-256 and
     * size (in any contract: the bytes are not copied), under the reference's name; false when there is none.
     */
    boolean link(UUID contractId, UUID eventId, int position, DocumentRef ref, Actor actor);
}

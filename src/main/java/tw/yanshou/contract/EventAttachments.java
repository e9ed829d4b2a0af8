package tw.yanshou.contract;

import java.util.List;
import java.util.UUID;

import tw.yanshou.security.Actor;

/**
 * Files sent with an event (test reports, photos, inspection records, the buyer's deliveries), stored by
 * {@link ContractService#recordEvent(UUID, String, Actor, Integer, EventAttachments)} right after the event, in its
 * transaction: a file refused (too large, a type not allowed) throws, and nothing of the event is stored. The
 * document module gives the implementation, so that this module knows nothing of how documents are stored.
 */
@FunctionalInterface
public interface EventAttachments {
    /** Stores the files for the event just appended and answers their SHA-256s (lower-case hex), in order. */
    List<String> attach(UUID contractId, UUID eventId, Actor actor);
}

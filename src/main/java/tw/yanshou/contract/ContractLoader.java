package tw.yanshou.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.infrastructure.TransactionCache;

/**
 * Builds a contract from storage: its definition (the imported file without events) and the effective events of
 * its log, i.e. every event not voided by a correction, in the order recorded. What is stored was validated when it
 * came in, so it is read with the trusted {@link ContractFileReader#readStored}, without replaying the history.
 */
@Component
public class ContractLoader {
    private final ContractRepository contracts;
    private final ContractFileReader reader;

    ContractLoader(ContractRepository contracts, ContractFileReader reader) {
        this.contracts = contracts;
        this.reader = reader;
    }

    /** The contract as stored now; read once per transaction until an event is appended ({@link #changed}). */
    public ContractFile load(UUID contractId) {
        Map<UUID, ContractFile> cache = TransactionCache.of(this);
        ContractFile cached = cache == null ? null : cache.get(contractId);
        if (cached != null) return cached;
        ContractFile file = load(contractId, contracts.events(contractId));
        if (cache != null) cache.put(contractId, file);
        return file;
    }

    /** The contract's log changed in this transaction: read it again, and recompute its statements. */
    public void changed(UUID contractId) {
        Map<UUID, ContractFile> cache = TransactionCache.of(this);
        if (cache != null) cache.remove(contractId);
        Map<StatementKey, Object> statements = TransactionCache.of(StatementKey.class);
        if (statements != null) statements.keySet().removeIf(k -> k.contractId().equals(contractId));
    }

    /**
     * While a history is replayed in this transaction: until {@link #changed}, the contract reads as {@code contract}
     * (its definition with the events that have taken effect so far), as it read when each event came in live, and
     * its statements are computed from that. Outside a transaction nothing changes.
     */
    public void readAs(UUID contractId, tw.yanshou.calculus.Contract contract) {
        Map<UUID, ContractFile> cache = TransactionCache.of(this);
        if (cache == null) return;
        ContractFile file = load(contractId);
        cache.put(contractId, new ContractFile(file.format(), file.number(), file.title(), file.buyer(), file.vendor(),
                file.currency(), file.linkedContracts(), contract));
        Map<StatementKey, Object> statements = TransactionCache.of(StatementKey.class);
        if (statements != null) statements.keySet().removeIf(k -> k.contractId().equals(contractId));
    }

    /** Key of a statement cached for the transaction (see {@link StatementService}). */
    record StatementKey(UUID contractId, java.time.LocalDate asOf) { }

    ContractFile load(UUID contractId, List<StoredEvent> log) {
        String definition = contracts.definition(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
        return reader.readStored(definition, effective(log).stream().map(StoredEvent::body).toList());
    }

    /** The events of a log that are in force: not corrections, not voided. */
    public static List<StoredEvent> effective(List<StoredEvent> log) {
        Set<UUID> voided = new HashSet<>();
        for (StoredEvent e : log) if (e.isVoid()) voided.add(e.voids());
        return log.stream().filter(e -> !e.isVoid() && !voided.contains(e.id())).toList();
    }

}

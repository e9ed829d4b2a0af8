package tw.yanshou.infrastructure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A map that lives as long as the current transaction: what one change reads again and again (the contract, its
 * statement for a day) is computed once per transaction, and never seen by another one.
 */
public final class TransactionCache {
    private TransactionCache() { }

    /** The transaction's map for {@code owner}, or null outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> of(Object owner) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        Map<K, V> map = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
        if (map == null) {
            Map<K, V> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            map = created;
        }
        return map;
    }
}

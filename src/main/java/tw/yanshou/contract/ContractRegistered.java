package tw.yanshou.contract;

import java.util.List;
import java.util.UUID;

import tw.yanshou.calculus.Contract;

/**
 * A contract was registered with its history, in the transaction that stored it (listeners that move the process
 * run in it).
 *
 * @param effectiveOrder indices into {@code contract.events()} in the order they take effect
 */
public record ContractRegistered(UUID contractId, Contract contract, List<Integer> effectiveOrder) { }

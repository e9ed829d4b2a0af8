package tw.yanshou.contract;

import java.util.UUID;

import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;

/**
 * An event was appended to a contract's log, in the transaction that stored it.
 *
 * @param contract the contract as now in force, the event included
 * @param backDated the event takes effect before one already recorded: the history is replayed, not continued
 */
public record EventRecorded(UUID contractId, UUID eventId, ContractEvent event, Contract contract, boolean backDated) { }

package tw.yanshou.contract;

import java.util.UUID;

import tw.yanshou.calculus.Contract;

/**
 * An event of a contract's log was voided (a correction), in the transaction that stored the correction.
 *
 * @param contract the contract with the events still in force
 */
public record EventVoided(UUID contractId, UUID voidedEventId, Contract contract) { }

package tw.yanshou.contract;

/** Where a contract stands: running, accepted as a whole, or terminated (解除/終止). */
public enum ContractStatus { OPEN, ACCEPTED, TERMINATED }

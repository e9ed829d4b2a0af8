package tw.yanshou.contract;

import java.time.LocalDate;
import java.util.UUID;

/** A contract as listed: its identity, parties and where it stands. */
public record ContractSummary(UUID id, String number, String title, String buyer, String vendorId, String vendorName,
                              LocalDate signedOn, ContractStatus status, LocalDate terminatedOn, String processInstanceId) { }

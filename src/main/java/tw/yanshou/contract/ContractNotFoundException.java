package tw.yanshou.contract;

import java.util.UUID;

/** No contract with that id, or none the caller may see. */
public class ContractNotFoundException extends RuntimeException {
    public ContractNotFoundException(UUID id) { super("no contract " + id); }

    public ContractNotFoundException(String what) { super(what); }
}

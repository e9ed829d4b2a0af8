package tw.yanshou.contract;

import java.util.UUID;

import tw.yanshou.web.NotFoundException;

/** No contract with that id, or none the caller may see. */
public class ContractNotFoundException extends NotFoundException {
    public ContractNotFoundException(UUID id) { super("no contract " + id); }
}

package tw.yanshou.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Item;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.file.ContractFile;

/** What the database can hold (column sizes), checked before anything is written so that a file gets a 422, not a 500. */
final class StorageLimits {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    private StorageLimits() { }

    static void check(ContractFile file) {
        List<Violation> v = new ArrayList<>();
        length(v, "contract.number", file.number(), 100);
        if (file.vendor() != null) length(v, "contract.vendor.id", file.vendor().id(), 100);
        List<Item> items = file.contract().items();
        for (int i = 0; i < items.size(); i++) {
            length(v, "contract.items[" + i + "].code", items.get(i).code(), 50);
            amount(v, "contract.items[" + i + "].amount", items.get(i).amount());
        }
        List<Milestone> milestones = file.contract().milestones();
        for (int i = 0; i < milestones.size(); i++) length(v, "milestones[" + i + "].id", milestones.get(i).id(), 100);
        for (int i = 0; i < file.linkedContracts().size(); i++) {
            ContractFile.LinkedContract l = file.linkedContracts().get(i);
            String path = "terms.linkedContracts[" + i + "]";
            length(v, path + ".number", l.number(), 100);
            length(v, path + ".kind", l.kind(), 50);
            amount(v, path + ".amount", l.amount());
            amount(v, path + ".performanceBond", l.performanceBond());
        }
        if (!v.isEmpty()) throw new InvalidContractException(v);
    }

    private static void amount(List<Violation> v, String path, BigDecimal amount) {
        if (amount != null && amount.compareTo(MAX_AMOUNT) > 0) v.add(new Violation(path, "must be at most " + MAX_AMOUNT));
    }

    private static void length(List<Violation> v, String path, String value, int max) {
        if (value != null && value.length() > max) v.add(new Violation(path, "must be at most " + max + " characters"));
    }
}

package tw.yanshou.api;

/** Contract files for server tests, as static factories. */
public final class TestContracts {
    private TestContracts() { }

    /**
     * One item A at 1,000,000; milestone M due 30 days after the signing on 2019-01-01 (Thursday 2019-01-31);
     * 1‰ a day (1,000), cap and termination threshold 10 % (100,000). Vendor {@code v-<number>}.
     *
     * @param linked number of a linked contract that ends with this one, or null
     * @param events the lines of the {@code events} list (YAML, indented two spaces), or null for none
     */
    public static String small(String number, String linked, String events) {
        return """
                format: 1
                contract:
                  number: "%s"
                  title: "test"
                  vendor: { id: "v-%s", name: "Vendor" }
                  signedOn: 2019-01-01
                  items:
                    - { code: A, name: "item A", amount: 1000000 }
                terms:
                  penalty: { ratePerMille: 1, basis: LATE_ITEMS, capPercent: 10, terminationRightAtPercent: 10 }
                  linkedContracts: [%s]
                milestones:
                  - { id: M, name: "milestone M", items: [A], due: { days: 30, from: SIGNED } }
                events:
                %s
                """.formatted(number, number,
                linked == null ? "" : "{ number: \"" + linked + "\", kind: MAINTENANCE, amount: 100000, terminatesWithThis: true }",
                events == null ? "  []" : events);
    }
}

package tw.yanshou.contract.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.ContractValidator;

/** Contract files for tests, as static factories. */
final class ContractFiles {

    static final ContractFileReader READER = new ContractFileReader(new ContractValidator(CalendarSource.shipped()));
    static final ContractFileWriter WRITER = new ContractFileWriter();

    /** A small valid file: two items, two milestones, a tender and its acceptance, one claim. */
    static final String SMALL = """
            format: 1
            contract:
              number: "T-1"
              title: "Test contract"
              buyer: "Test agency"
              vendor: { id: "v-1", name: "Test vendor" }
              signedOn: 2019-01-02
              items:
                - { code: HW, name: "Hardware", amount: 1000000 }
                - { code: SW, name: "Software", amount: 200000 }
            terms:
              penalty: { ratePerMille: 1, capPercent: 20 }
            milestones:
              - { id: DELIVERY, name: "Delivery", items: [HW], due: { days: 30, from: SIGNED } }
              - { id: SOFTWARE, name: "Software", items: [SW], due: { days: 10, from: DELIVERY.ACCEPTED } }
            events:
              - { date: 2019-01-20, type: TENDERED, milestone: DELIVERY }
              - { date: 2019-01-25, type: ACCEPTED, milestone: DELIVERY }
            claims:
              - { accrualThrough: 2019-06-30 }
            """;

    private ContractFiles() { }

    /** The court case of 臺灣高等法院111年度上字第122號: the one file of {@link tw.yanshou.CourtCase}. */
    static String courtCase() {
        return tw.yanshou.CourtCase.text();
    }

    static String resource(String name) {
        try (InputStream in = ContractFiles.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #SMALL} with one piece of text replaced; fails if the piece is not there. */
    static String small(String target, String replacement) {
        assertThat(SMALL).contains(target);
        return SMALL.replace(target, replacement);
    }
}

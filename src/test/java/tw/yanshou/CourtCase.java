package tw.yanshou;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The golden case, once for every test: the equipment contract of the Taiwan High Court judgment
 * 臺灣高等法院111年度上字第122號 (Chunghwa Post v. the vendor of 30 i郵箱 parcel-locker stations), its one contract file
 * and the figures expected from it. The court's figures are quoted from the judgment's penalty computation (retold
 * in docs/calculus.md and in the contract file description the project was given); the others are computed by hand
 * in the comment beside them. Nothing here is copied from the server's output.
 */
public final class CourtCase {
    private CourtCase() { }

    /** The one contract file of the case (classpath resource, src/test/resources). */
    public static final String FILE = "/contracts/ilocker-107.yaml";
    /** Its procurement case number, {@code contract.number} of the file. */
    public static final String NUMBER = "107-ILOCKER-30";

    /** The text of {@link #FILE}. */
    public static String text() {
        try (InputStream in = CourtCase.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException("no test resource " + FILE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ due dates (the judgment)

    /** Factory inspection and test report: 60 days from 2018-10-19, the day after signing (court: 107年12月17日). */
    public static final LocalDate FIRST_DUE = LocalDate.of(2018, 12, 17);
    /** Stage 2: 20 days from 2019-02-20, the day after the factory inspection passed (court: 108年3月11日). */
    public static final LocalDate STAGE2_DUE = LocalDate.of(2019, 3, 11);

    // ------------------------------------------------------------------ the statement as of AS_OF

    /** The day of the full statement: after the termination, everything known. */
    public static final LocalDate AS_OF = LocalDate.of(2024, 6, 25);

    /**
     * Late days of the four lines. The court's table: 2018-12-18 – 2019-01-14 = 28 days (hardware + software),
     * 2019-01-15 – 2019-03-11 = 56 days (software only), 2019-03-12 – 2019-03-18 = 7 days (everything); then,
     * after the excused mediation 2019-03-19 – 2019-09-02, 2019-09-03 up to the termination 2019-12-30:
     * 28 + 31 + 30 + 30 = 119 days (the court's claim stops earlier, at 2019-11-01: 60 days).
     */
    public static final List<Long> LINE_DAYS = List.of(28L, 56L, 7L, 119L);
    /** Per line: 10,380,000 × 4‰ = 41,520 a day × 28 = 1,162,560; 990,000 × 4‰ × 56 = 221,760 (court); 41,520 × 7 = 290,640 (court); 41,520 × 119 = 4,940,880. */
    public static final List<Long> LINE_AMOUNTS = List.of(1_162_560L, 221_760L, 290_640L, 4_940_880L);
    /** 1,162,560 + 221,760 + 290,640 + 4,940,880 = 6,615,840 (the cap is waived by the settlement). */
    public static final long PENALTY = 6_615_840L;
    /** 20 % of the amended contract total 10,380,000 (the judgment: cap 20 %). */
    public static final long CAP = 2_076_000L;
    /** By 2019-03-18 1,674,960; 2,076,000 − 1,674,960 = 401,040 / 41,520 a day = 9.66 → the 10th day from 2019-09-03. */
    public static final LocalDate CAP_REACHED_ON = LocalDate.of(2019, 9, 12);
    /** The 20 % threshold, reached 2019-09-12: earlier than the day after the missed completion deadline (2019-11-02). */
    public static final LocalDate TERMINATION_RIGHT_ON = LocalDate.of(2019, 9, 12);
    /** The buyer terminated both contracts (judgment: 2019-12-30). */
    public static final LocalDate TERMINATED_ON = LocalDate.of(2019, 12, 30);

    // ------------------------------------------------------------------ the court's claim (through 2019-11-01)

    /** The court's notation, quoted from the judgment. */
    public static final List<String> CLAIM_FORMULAS = List.of(
            "10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400",
            "990,000 × 4‰ × 56 = 221,760");
    /** The court: 3,944,400 + 221,760 = 4,166,160. */
    public static final long CLAIM_PENALTY = 4_166_160L;
    /** The court reduced it by 50 % as excessive (民法第252條): 2,083,080. */
    public static final long CLAIM_AFTER_REDUCTIONS = 2_083_080L;
    /** The court offset the equipment bond 1,050,000: 2,083,080 − 1,050,000 = 1,033,080. */
    public static final long CLAIM_NET = 1_033_080L;
    /** Interest from 2020-06-10 (the court: the day after the complaint was served) to AS_OF, both counted: 1,461 (four years with 2024-02-29) + 15 + 1 = 1,477. */
    public static final long CLAIM_INTEREST_DAYS = 1_477L;
    /** 5 % a year (the court: statutory interest): 1,033,080 × 5 % × 1,477 / 365 = 209,021.8 → 209,022. */
    public static final long CLAIM_INTEREST = 209_022L;

    // ------------------------------------------------------------------ the statement as of EARLY_AS_OF

    /** The last day of the completion deadline of the settlement (60 days from 2019-09-03). */
    public static final LocalDate EARLY_AS_OF = LocalDate.of(2019, 11, 1);
    /** The stage-2 tender of 2019-10-31 still awaits its review, so it stands: 1,674,960 + 59 × 41,520 (2019-09-03 – 2019-10-31) = 4,124,640. */
    public static final long EARLY_PENALTY = 4_124_640L;
}

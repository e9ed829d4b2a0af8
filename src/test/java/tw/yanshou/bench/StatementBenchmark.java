package tw.yanshou.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.contract.file.ContractFileReader;

/**
 * Statements of the court case per second on one thread (target: 20,000). Run with
 * {@code ./mvnw -Pbench test-compile exec:exec}; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class StatementBenchmark {
    private final StatementCalculator calculator = new StatementCalculator(CalendarSource.shipped());
    private Contract courtCase;

    @Setup
    public void readTheCourtCase() throws IOException {
        try (InputStream in = StatementBenchmark.class.getResourceAsStream("/contracts/ilocker-107.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            courtCase = new ContractFileReader(new ContractValidator(CalendarSource.shipped())).read(yaml).contract();
        }
    }

    /** The full statement as of 2024-06-25: validation, replay, lines, cap, claim and formulas. */
    @Benchmark
    public Statement courtCaseStatement() {
        return calculator.statement(courtCase, LocalDate.of(2024, 6, 25));
    }

    /** An open contract's statement (as of 2019-06-01, mediation pending), which also projects the cap. */
    @Benchmark
    public Statement openContractStatementWithProjection() {
        return calculator.statement(courtCase, LocalDate.of(2019, 6, 1));
    }
}

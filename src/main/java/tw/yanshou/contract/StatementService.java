package tw.yanshou.contract;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.infrastructure.TransactionCache;

/** Computes statements with the calculus and stores them, one per contract and day. */
@Service
public class StatementService {
    private final ContractRepository contracts;
    private final ContractLoader loader;
    private final StatementCalculator calculator;
    private final ObjectMapper json;

    StatementService(ContractRepository contracts, ContractLoader loader, StatementCalculator calculator, ObjectMapper json) {
        this.contracts = contracts;
        this.loader = loader;
        this.calculator = calculator;
        this.json = json;
    }

    /** The statement as of {@code asOf} from the contract's effective events. */
    public Statement statement(UUID contractId, LocalDate asOf) {
        Map<ContractLoader.StatementKey, Statement> cache = TransactionCache.of(ContractLoader.StatementKey.class);
        ContractLoader.StatementKey key = new ContractLoader.StatementKey(contractId, asOf);
        Statement cached = cache == null ? null : cache.get(key);
        if (cached != null) return cached;
        Statement statement = calculator.statement(loader.load(contractId).contract(), asOf);
        if (cache != null) cache.put(key, statement);
        return statement;
    }

    /** Computes and stores the statement as of {@code asOf}; returns what the process needs to know of it. */
    public Statement recompute(UUID contractId, LocalDate asOf, String cause) {
        Statement statement = statement(contractId, asOf);
        try {
            contracts.storeStatement(contractId, asOf, cause, statement.penalty(), json.writeValueAsString(statement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement could not be written", e);
        }
        return statement;
    }
}

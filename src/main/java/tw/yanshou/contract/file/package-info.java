/**
 * Contract files: one public procurement contract — its items, terms, milestones, the history of what happened
 * (each event with its effective, legal date) and penalty claims — as YAML or JSON, the same structure in both.
 * Officers bring running or past contracts into the server with them, tests replay real cases through the engine,
 * and every contract is exported in the same form, so that export and import give the same statement. A file
 * starts with {@code format: 1}; the format number is raised only for changes an older reader would misread
 * (a field that changes meaning, a new required field), and a reader refuses a format it does not know rather than
 * guessing, while new optional fields with a default that keeps the old meaning stay within the format.
 * {@link tw.yanshou.contract.file.ContractFileReader} reads a file and reports every problem with its field path,
 * {@link tw.yanshou.contract.file.ContractFileWriter} writes one, and {@code contract-file-1.schema.json} beside
 * these classes describes format 1 for integrators.
 */
@org.springframework.modulith.NamedInterface("file")
package tw.yanshou.contract.file;

/**
 * The officer's desk: the server-rendered pages (Thymeleaf, templates under {@code templates/}) for procurement
 * staff — sign-in, the dashboard of open contracts, contracts and their event log, registering a contract from a
 * file or a form, the officer tasks, and (for administrators) users, API tokens and the office calendar. Every
 * page calls the same services as the JSON API (ContractService, ContractBoard, OfficerTasks, Accounts,
 * OfficeCalendars); no rule is implemented here. Bad input is shown next to its field in the user's language.
 */
package tw.yanshou.desk;

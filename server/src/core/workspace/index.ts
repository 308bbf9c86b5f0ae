// Across documents: linking reports to their resolution, the target register, the dashboard.
export * from './types.js';
export { linkDocuments, linkReport, normaliseNumber, reportsOnAnother, type LinkOptions } from './link.js';
export { buildRegister, registerToCsv, STATUS_NAMES, type Register, type RegisterEntry, type RegisterResult, type TargetStatus, type Position } from './register.js';
export { renderDashboard, type DashboardOptions, type SourceLink } from './dashboard.js';
export { documentName } from './describe.js';
export { workspaceSummary, reviveSummary, linkSummary, type SummaryFields } from './summary.js';

// The configuration API shared by the CLI and the language server.
export {
  CONFIG_FILE_NAME,
  ConfigCache,
  defaultResolvedConfig,
  findConfigFile,
  formatConfigProblem,
  loadConfigFile,
  loadConfigFor,
  parseConfigText,
  type ConfigProblem,
  type ConfigRange,
  type ConfigResult,
  type LoadConfigOptions,
  type ResolvedConfig,
} from './load.js';
export { configJsonSchema, configSchema, formatByteSize, parseByteSize, type ConfigFile } from './schema.js';

#!/usr/bin/env node
import { Command } from 'commander';
import { CoopAtlasError, errorMessage } from '../core/errors.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { registerDemo } from './demo.command.js';
import { registerEntity } from './entity.command.js';
import { registerExport } from './export.command.js';
import { registerExtract } from './extract.command.js';
import { registerIdentity } from './identity.command.js';
import { registerImport } from './import.command.js';
import { registerIngest } from './ingest.command.js';
import { registerMatch } from './match.command.js';
import { registerReextract } from './reextract.command.js';
import { registerRegistry } from './registry.command.js';
import { registerReport } from './report.command.js';
import { registerSearch } from './search.command.js';
import { registerServe } from './serve.command.js';
import { registerStats } from './stats.command.js';
import { registerUser } from './user.command.js';

const program = new Command()
  .name('coopatlas')
  .description(
    'CoopAtlas 科技合作图谱 — 科技合作文档的溯源知识库 (a sourced knowledge base of S&T cooperation)',
  )
  .version(EXTRACTOR_VERSION);

registerExtract(program);
registerDemo(program);
registerIngest(program);
registerReextract(program);
registerStats(program);
registerEntity(program);
registerExport(program);
registerImport(program);
registerIdentity(program);
registerSearch(program);
registerRegistry(program);
registerReport(program);
registerMatch(program);
registerUser(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = error instanceof CoopAtlasError ? ` [${error.code}]` : '';
  process.stderr.write(`错误 (error)${code}: ${errorMessage(error)}\n`);
  // A wrong command line is 2; a store, a lookup or anything else that failed is 1.
  process.exitCode = error instanceof CoopAtlasError && error.code === 'INVALID_ARGUMENT' ? 2 : 1;
}

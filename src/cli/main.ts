#!/usr/bin/env node
import { Command } from 'commander';
import { CoopAtlasError, errorMessage } from '../core/errors.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { registerDemo } from './demo.command.js';
import { registerExtract } from './extract.command.js';

const program = new Command()
  .name('coopatlas')
  .description(
    'CoopAtlas 科技合作图谱 — 科技合作文档的溯源知识库 (a sourced knowledge base of S&T cooperation)',
  )
  .version(EXTRACTOR_VERSION);

registerExtract(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = error instanceof CoopAtlasError ? ` [${error.code}]` : '';
  process.stderr.write(`错误 (error)${code}: ${errorMessage(error)}\n`);
  process.exitCode = 2;
}

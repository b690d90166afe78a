/**
 * The cooperation status report over HTTP: the report of a scope as JSON for the app's page,
 * and as a Markdown, HTML or DOCX file to download, its notes linking back to the app.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidArgumentError } from '../../core/errors.js';
import { renderDocx } from '../../report/render-docx.js';
import { figureSvg } from '../../report/render-figures.js';
import { renderHtml } from '../../report/render-html.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { figureCaption } from '../../report/report-figures.js';
import { numberNotes } from '../../report/report-notes.js';
import { type ReportScope, writeReport } from '../../services/report.service.js';
import type { Store } from '../../store/open-store.js';
import { ErrorBody, ReportQuery, ReportView } from '../contract.js';

export interface ReportRoutesOptions {
  store: Store;
}

const FILES = {
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
};

function scopeOf(query: z.infer<typeof ReportQuery>): ReportScope {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new InvalidArgumentError(`起始年份 ${query.from} 晚于截止年份 ${query.to} (from is after to)`);
  }
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as ReportScope;
}

export const reportRoutes: FastifyPluginAsyncZod<ReportRoutesOptions> = async (app, { store }) => {
  app.get(
    '/api/report',
    { schema: { tags: ['report'], querystring: ReportQuery, response: { 200: ReportView, 400: ErrorBody } } },
    async (request) => {
      const report = await writeReport(store, scopeOf(request.query));
      const figures = report.figures.map((figure, i) => ({
        caption: figureCaption(i + 1, figure),
        source: figure.source,
        svg: figureSvg(figure),
      }));
      return {
        title: report.title,
        ...numberNotes(report),
        sources: report.sources,
        used: report.used,
        figures,
      };
    },
  );

  app.get(
    '/api/report/file',
    {
      schema: {
        tags: ['report'],
        querystring: ReportQuery.extend({ format: z.enum(['md', 'html', 'docx']).default('docx') }),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const report = await writeReport(store, scopeOf(query));
      const origin = `${request.protocol}://${request.host}`;
      const body =
        format === 'docx'
          ? await renderDocx(report)
          : format === 'html'
            ? renderHtml(report, origin)
            : renderMarkdown(report);
      const name = encodeURIComponent(`${report.title}.${FILES[format].extension}`);
      return reply
        .header('content-type', FILES[format].type)
        .header(
          'content-disposition',
          `attachment; filename="report.${FILES[format].extension}"; filename*=UTF-8''${name}`,
        )
        .send(body);
    },
  );
};

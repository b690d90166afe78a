import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../core/errors.js';
import { readHtml } from './html.reader.js';

const BODY = [
  '2024年3月6日，重庆市人民政府与中国科学院在北京举行工作会商，双方围绕西部（重庆）科学城建设深入交流。',
  '会议明确，中国科学院重庆绿色智能技术研究院将与两江新区共建智能网联汽车联合实验室，首期投入2亿元。',
  '双方还将共同推动一批科技成果在渝转化，预计带动相关产业新增产值超过30亿元。',
];

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

const article = `<div id="content">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>`;

async function read(html: string | Uint8Array) {
  return readHtml(typeof html === 'string' ? Buffer.from(html, 'utf8') : html, 'page.html');
}

describe('readHtml', () => {
  it('keeps paragraphs as lines', async () => {
    expect((await read(page('<meta charset="utf-8">', article))).text).toBe(BODY.join('\n'));
  });

  it('turns line breaks and list items into lines but keeps inline elements in their line', async () => {
    const html = page(
      '<meta charset="utf-8">',
      `<article><p>${BODY[0]}<br>第二行里有<b>加粗</b>和<a href="#">链接</a>文字。</p><ul><li>${BODY[1]}</li><li>${BODY[2]}</li></ul></article>`,
    );
    expect((await read(html)).text.split('\n')).toEqual([
      BODY[0],
      '第二行里有加粗和链接文字。',
      BODY[1],
      BODY[2],
    ]);
  });

  it('decodes a GBK page by its http-equiv charset', async () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', article);
    const result = await read(iconv.encode(html, 'gbk'));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe(BODY.join('\n'));
  });

  it('detects a GBK page that declares no charset', async () => {
    const result = await read(iconv.encode(page('', article), 'gbk'));
    expect(result.encoding).toBe('gb18030');
    expect(result.text).toBe(BODY.join('\n'));
  });

  it('prefers og:title over <title>', async () => {
    const head =
      '<meta charset="utf-8"><title>会商 - 某网站</title><meta property="og:title" content="市院工作会商举行">';
    expect((await read(page(head, article))).title).toBe('市院工作会商举行');
    expect((await read(page('<title> 会商 - 某网站 </title>', article))).title).toBe('会商 - 某网站');
  });

  it('reads the publication date from the meta tags Chinese sites use', async () => {
    for (const meta of [
      '<meta property="article:published_time" content="2024-03-06T18:00:00+08:00">',
      '<meta name="PubDate" content="2024-03-06 18:00">',
      '<meta name="publishdate" content="2024年3月6日">',
      '<meta name="dc.date" content="2024/03/06">',
      '<meta name="date" content="20240306">',
    ]) {
      expect((await read(page(meta, article))).published).toBe('2024-03-06');
    }
  });

  it('gives no publication date when the meta tags have none', async () => {
    const result = await read(page('<meta name="date" content="unknown">', article));
    expect(result.published).toBeUndefined();
  });

  it('refuses a page that is all links and no article', async () => {
    const links = Array.from({ length: 20 }, (_, i) => `<a href="/n/${i}">第${i}条新闻标题链接文字</a>`).join(
      '<br>',
    );
    await expect(read(page('', `<div class="list">${links}</div>`))).rejects.toMatchObject({
      code: 'HTML_NO_TEXT',
    });
    await expect(read(page('', '<script>var a = 1;</script>'))).rejects.toBeInstanceOf(IngestError);
  });
});
